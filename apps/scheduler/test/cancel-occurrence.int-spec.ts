import { status } from '@grpc/grpc-js';
import { Exchanges, RoutingKeys, scheduler } from '@chasqui/contracts';
import { readBadRequest } from '@chasqui/grpc';
import { connectProbe, waitFor } from '@chasqui/testing';
import type { ConsumeMessage } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { call, failure } from './support/calls';
import { instant, Ledger } from './support/ledger';
import { ruleRequest } from './support/rules';
import { SchedulerStack } from './support/scheduler-stack';

jest.setTimeout(120_000);

const { OccurrenceStatus } = scheduler;

describe('CancelOccurrence: a reminder withdrawn before it leaves the scheduler, never after', () => {
  const stack = new SchedulerStack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  /** The render jobs waiting in the outbox (no renderer runs here), by occurrence. */
  const renderJobs = async (tenantId: string) =>
    (
      await stack.sql.query<{ key: string }>(
        `select idempotency_key as key from scheduler.outbox
          where tenant_id = $1::text and type = 'chasqui.scheduler.v1.RenderJob' order by 1`,
        [tenantId],
      )
    ).rows.map((row) => row.key);

  /** A tenant with an overdue rule, two reachable customers and one without contacts, each with an invoice due 06-01. */
  async function tenantWithReminders() {
    const tenant = await stack.tenant();
    const ledger = new Ledger(stack, tenant.auth);
    await call(stack.scheduler.createRule(ruleRequest({ sendHour: 9, overdue: { fromDays: 1 } }), tenant.auth));
    const customers = {
      norte: await ledger.customer('Comercial Norte'),
      sur: await ledger.customer('Distribuidora Sur'),
      silent: await ledger.customer('Sin Correo', { contact: false }),
    };
    for (const [name, id] of Object.entries(customers)) await ledger.invoice(id, name, '2026-06-01');
    await stack.announced(Object.values(customers));
    return { ...tenant, customers };
  }

  const occurrenceOf = async (auth: Awaited<ReturnType<typeof tenantWithReminders>>['auth'], customerId: string) => {
    const { occurrences } = await call(
      stack.scheduler.listOccurrences({ customerId, ruleId: '', pageSize: 0, pageToken: '' }, auth),
    );
    expect(occurrences).toHaveLength(1);
    return occurrences[0];
  };

  it('withdraws a queued reminder and its render job; idempotent; another tenant changes nothing', async () => {
    const { id: tenantId, auth, customers } = await tenantWithReminders();
    expect(await call(stack.scheduler.runCycle({ asOf: instant('2026-06-02T18:00:00Z') }, auth))).toMatchObject({
      queued: 2,
      skipped: 1,
    });
    const norte = await occurrenceOf(auth, customers.norte);
    const sur = await occurrenceOf(auth, customers.sur);
    expect(await renderJobs(tenantId)).toEqual([norte.id, sur.id].sort());

    // Another tenant's key finds nothing, and changes nothing.
    const other = await stack.tenant();
    const foreign = await failure(stack.scheduler.cancelOccurrence({ occurrenceId: norte.id }, other.auth));
    expect(foreign.code).toBe(status.NOT_FOUND);
    expect(readBadRequest(foreign)).toEqual([{ field: 'occurrence_id', description: 'no such occurrence' }]);
    expect(await renderJobs(tenantId)).toEqual([norte.id, sur.id].sort());

    const { occurrence } = await call(stack.scheduler.cancelOccurrence({ occurrenceId: norte.id }, auth));
    expect(occurrence).toEqual({
      ...norte,
      status: OccurrenceStatus.OCCURRENCE_STATUS_CANCELLED,
      reason: 'cancelled',
    });
    // Its job will never reach the renderer; the other reminder's still goes.
    expect(await renderJobs(tenantId)).toEqual([sur.id]);
    expect((await call(stack.scheduler.getOccurrence({ occurrenceId: norte.id }, auth))).occurrence).toEqual(
      occurrence,
    );
    const cancelled = await call(
      stack.scheduler.listOccurrences(
        {
          customerId: '',
          ruleId: '',
          pageSize: 0,
          pageToken: '',
          status: OccurrenceStatus.OCCURRENCE_STATUS_CANCELLED,
        },
        auth,
      ),
    );
    expect(cancelled.occurrences.map((o) => o.id)).toEqual([norte.id]);

    // Asked again (a retry after a lost answer): the same answer, nothing more happens.
    expect((await call(stack.scheduler.cancelOccurrence({ occurrenceId: norte.id }, auth))).occurrence).toEqual(
      occurrence,
    );
    expect(await renderJobs(tenantId)).toEqual([sur.id]);

    // The step stays decided: the next cycle of the same day does not decide it again.
    expect(await call(stack.scheduler.runCycle({ asOf: instant('2026-06-02T19:00:00Z') }, auth))).toMatchObject({
      queued: 0,
    });
  });

  it('refuses what is not to be sent, an unknown id and a malformed one, naming the field', async () => {
    const { auth, customers } = await tenantWithReminders();
    await call(stack.scheduler.runCycle({ asOf: instant('2026-06-02T18:00:00Z') }, auth));
    const skipped = await occurrenceOf(auth, customers.silent);

    const notToBeSent = await failure(stack.scheduler.cancelOccurrence({ occurrenceId: skipped.id }, auth));
    expect(notToBeSent.code).toBe(status.FAILED_PRECONDITION);
    expect(notToBeSent.details).toMatch(/it was skipped; nothing is to be sent/);
    expect((await occurrenceOf(auth, customers.silent)).status).toBe(OccurrenceStatus.OCCURRENCE_STATUS_SKIPPED);

    const unknown = await failure(stack.scheduler.cancelOccurrence({ occurrenceId: randomUUID() }, auth));
    expect(unknown.code).toBe(status.NOT_FOUND);
    const malformed = await failure(stack.scheduler.cancelOccurrence({ occurrenceId: 'o-1' }, auth));
    expect(malformed.code).toBe(status.INVALID_ARGUMENT);
    expect(readBadRequest(malformed)).toEqual([{ field: 'occurrence_id', description: 'must be a UUID' }]);
  });

  it('withdraws a reminder awaiting approval: the approval releases the others, not it', async () => {
    const { id: tenantId, auth, customers } = await tenantWithReminders();
    await call(stack.scheduler.updateSettings({ approvalRequired: true }, auth));
    const { runId } = await call(stack.scheduler.runCycle({ asOf: instant('2026-06-02T18:00:00Z') }, auth));
    const norte = await occurrenceOf(auth, customers.norte);
    const sur = await occurrenceOf(auth, customers.sur);
    expect(norte.status).toBe(OccurrenceStatus.OCCURRENCE_STATUS_AWAITING_APPROVAL);

    const { occurrence } = await call(stack.scheduler.cancelOccurrence({ occurrenceId: norte.id }, auth));
    expect(occurrence).toMatchObject({ status: OccurrenceStatus.OCCURRENCE_STATUS_CANCELLED, reason: 'cancelled' });
    expect(await call(stack.scheduler.approveRun({ runId }, auth))).toEqual({ released: 1, settled: 0 });
    expect(await renderJobs(tenantId)).toEqual([sur.id]);
    expect((await occurrenceOf(auth, customers.norte)).status).toBe(OccurrenceStatus.OCCURRENCE_STATUS_CANCELLED);
  });

  it('waits for a relay publishing the job this moment, and answers what became of it', async () => {
    const { id: tenantId, auth, customers } = await tenantWithReminders();
    await call(stack.scheduler.runCycle({ asOf: instant('2026-06-02T18:00:00Z') }, auth));
    const norte = await occurrenceOf(auth, customers.norte);
    const sur = await occurrenceOf(auth, customers.sur);
    // A relay's batch: the job's row locked while it is published.
    const relay = new Client({ connectionString: stack.databaseUrl });
    await relay.connect();
    try {
      const lock = (id: string) => relay.query(`select id from scheduler.outbox where id = $1 for update`, [id]);

      // Held past the wait: nothing changes, and the caller is told to ask again.
      await relay.query('begin');
      expect((await lock(norte.id)).rowCount).toBe(1);
      const busy = await failure(stack.scheduler.cancelOccurrence({ occurrenceId: norte.id }, auth));
      expect(busy.code).toBe(status.FAILED_PRECONDITION);
      expect(busy.details).toMatch(/being handed to the renderer this moment; ask again shortly/);
      await relay.query('rollback');
      expect((await occurrenceOf(auth, customers.norte)).status).toBe(OccurrenceStatus.OCCURRENCE_STATUS_QUEUED);
      expect(await renderJobs(tenantId)).toEqual([norte.id, sur.id].sort());

      // The relay publishes and deletes the job while the cancellation waits: it is refused, not claimed.
      await relay.query('begin');
      await lock(sur.id);
      const cancelling = failure(stack.scheduler.cancelOccurrence({ occurrenceId: sur.id }, auth));
      await new Promise((resolve) => setTimeout(resolve, 500));
      await relay.query(`delete from scheduler.outbox where id = $1`, [sur.id]);
      await relay.query('commit');
      const late = await cancelling;
      expect(late.code).toBe(status.FAILED_PRECONDITION);
      expect(late.details).toMatch(/already been handed to the renderer/);
      expect((await occurrenceOf(auth, customers.sur)).status).toBe(OccurrenceStatus.OCCURRENCE_STATUS_QUEUED);

      // The relay gives the job back (no queue, the broker away) while the cancellation waits: it is withdrawn.
      await relay.query('begin');
      await lock(norte.id);
      const withdrawing = call(stack.scheduler.cancelOccurrence({ occurrenceId: norte.id }, auth));
      await new Promise((resolve) => setTimeout(resolve, 500));
      await relay.query('commit');
      expect((await withdrawing).occurrence?.status).toBe(OccurrenceStatus.OCCURRENCE_STATUS_CANCELLED);
      expect(await renderJobs(tenantId)).toEqual([]);
    } finally {
      await relay.end();
    }
  });

  it('refuses once the render job has been handed to the broker: the reminder stays queued', async () => {
    const { id: tenantId, auth, customers } = await tenantWithReminders();
    // A queue where the renderer's would be: the relay now publishes render jobs instead of keeping them.
    const connection = await connectProbe(stack.amqpUrl);
    const channel = await connection.createChannel();
    const queue = `test.render-jobs.${randomUUID()}`;
    const received: ConsumeMessage[] = [];
    try {
      await channel.assertQueue(queue, { durable: false, autoDelete: true });
      await channel.bindQueue(queue, Exchanges.jobs, RoutingKeys.renderJob);
      await channel.consume(queue, (message) => message && received.push(message), { noAck: true });

      await call(stack.scheduler.runCycle({ asOf: instant('2026-06-02T18:00:00Z') }, auth));
      const norte = await occurrenceOf(auth, customers.norte);
      await waitFor(() => received.some((m) => m.properties.messageId === norte.id), 'the render job to be published');
      expect(await renderJobs(tenantId)).not.toContain(norte.id);

      const late = await failure(stack.scheduler.cancelOccurrence({ occurrenceId: norte.id }, auth));
      expect(late.code).toBe(status.FAILED_PRECONDITION);
      expect(late.details).toMatch(/already been handed to the renderer/);
      expect((await occurrenceOf(auth, customers.norte)).status).toBe(OccurrenceStatus.OCCURRENCE_STATUS_QUEUED);
    } finally {
      await channel.deleteQueue(queue);
      await connection.close();
    }
  });
});
