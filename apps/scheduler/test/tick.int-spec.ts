import { scheduler } from '@chasqui/contracts';
import { waitFor } from '@chasqui/testing';
import { firstValueFrom } from 'rxjs';
import { Ledger } from './support/ledger';
import { SchedulerStack } from './support/scheduler-stack';

jest.setTimeout(120_000);

describe('the tick: cycles run on their own, every interval', () => {
  const stack = new SchedulerStack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('two replicas ticking every 200 ms decide a step that fired today once, and keep deciding nothing more', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    // Mexico City is UTC−6 all year: its local date now, and an invoice that fell due yesterday.
    const today = new Date(Date.now() - 6 * 3_600_000);
    const yesterday = new Date(today.getTime() - 86_400_000).toISOString().slice(0, 10);
    const customer = await ledger.customer('en-tiempo-real');
    const invoice = await ledger.invoice(customer, 'T-1', yesterday);
    await firstValueFrom(
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
});
