import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { waitFor } from '@chasqui/testing';
import { Client } from 'pg';
import { firstValueFrom } from 'rxjs';
import { Ledger } from './support/ledger';
import { SchedulerStack } from './support/scheduler-stack';

jest.setTimeout(120_000);

describe('the tick: cycles run on their own, every interval', () => {
  const stack = new SchedulerStack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  /** A rule whose step has fired today for an invoice that fell due yesterday, whatever the hour. */
  const overdueFromDayOneAtMidnight = (auth: Metadata) =>
    firstValueFrom(
      stack.scheduler.createRule(
        {
          name: 'Vencida desde 1 día, a las 00:00',
          sendHour: 0,
          template: '',
          grouping: scheduler.Grouping.GROUPING_PER_INVOICE,
          businessDaysOnly: false,
          overdue: { fromDays: 1 },
        },
        auth,
      ),
    );

  it('two replicas ticking every 200 ms decide a step that fired today once, and keep deciding nothing more', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    // Mexico City is UTC−6 all year: its local date now, and an invoice that fell due yesterday.
    const today = new Date(Date.now() - 6 * 3_600_000);
    const yesterday = new Date(today.getTime() - 86_400_000).toISOString().slice(0, 10);
    const customer = await ledger.customer('en-tiempo-real');
    const invoice = await ledger.invoice(customer, 'T-1', yesterday);
    await overdueFromDayOneAtMidnight(auth);
    await Promise.all([stack.replica({ TICK_INTERVAL_MS: '200' }), stack.replica({ TICK_INTERVAL_MS: '200' })]);

    const decided = async () =>
      (
        await stack.sql.query(
          `select status, invoice_ids::text[] as invoices from scheduler.occurrences where tenant_id = $1`,
          [tenantId],
        )
      ).rows;
    await waitFor(async () => (await decided()).length > 0, 'the tick to decide the step');
    // Many more ticks by both replicas.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await decided()).toEqual([{ status: 'queued', invoices: [invoice.id] }]);
    const { rows: leases } = await stack.sql.query(
      `select count(*)::int as n from scheduler.tenant_leases where tenant_id = $1`,
      [tenantId],
    );
    expect(leases).toEqual([{ n: 1 }]);
  });

  it('a replica whose database goes away counts its failed ticks, lives on, and ticks again once it is back', async () => {
    const { process: replica } = await stack.replicaProcess({ TICK_INTERVAL_MS: '200' });
    const failures = async () => {
      const scrape = await (await fetch(`http://127.0.0.1:${replica.httpPort}/metrics`)).text();
      return Number(/^scheduler_tick_failures_total(?:\{[^}]*\})? (\d+)/m.exec(scrape)?.[1] ?? 0);
    };
    const admin = new Client({
      connectionString: Object.assign(new URL(stack.databaseUrl), { pathname: '/postgres' }).href,
    });
    await admin.connect();
    const ours = (await stack.sql.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
    // New connections refused and the services' own cut: every tick finds no database.
    await admin.query(`alter database ${stack.databaseName} with allow_connections false`);
    try {
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> $2', [
        stack.databaseName,
        ours,
      ]);
      await waitFor(async () => (await failures()) >= 3, 'three failed ticks', 30_000);
    } finally {
      await admin.query(`alter database ${stack.databaseName} with allow_connections true`);
      await admin.end();
    }
    expect(replica.pid).toBeDefined();
    expect(() => process.kill(replica.pid!, 0)).not.toThrow(); // still running

    // Back: a step that fired today is decided by the replica's ticks alone.
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    const yesterday = new Date(Date.now() - 30 * 3_600_000).toISOString().slice(0, 10);
    const customer = await ledger.customer('tras-la-caida');
    await ledger.invoice(customer, 'T-2', yesterday);
    await overdueFromDayOneAtMidnight(auth);
    await waitFor(
      async () =>
        (await stack.sql.query('select 1 from scheduler.occurrences where tenant_id = $1', [tenantId])).rows.length > 0,
      'the tick to decide the step after the outage',
      30_000,
    );
  });
});
