import { status } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { readBadRequest } from '@chasqui/grpc';
import { call, failure } from './support/calls';
import { instant, Ledger } from './support/ledger';
import { ruleRequest } from './support/rules';
import { SchedulerStack } from './support/scheduler-stack';

jest.setTimeout(120_000);

const { OccurrenceStatus } = scheduler;

describe('approval mode: a run waits for ApproveRun', () => {
  const stack = new SchedulerStack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  /** The render jobs the tenant's occurrences left in the outbox (no renderer runs here), by occurrence. */
  const renderJobs = async (tenantId: string) =>
    (
      await stack.sql.query<{ key: string }>(
        `select idempotency_key as key from scheduler.outbox
          where tenant_id = $1::text and type = 'chasqui.scheduler.v1.RenderJob' order by 1`,
        [tenantId],
      )
    ).rows.map((row) => row.key);

  const statuses = async (tenantId: string) =>
    (
      await stack.sql.query<{ status: string; reason: string | null; run_id: string | null; n: number }>(
        `select status, reason, run_id::text, count(*)::int as n from scheduler.occurrences where tenant_id = $1
          group by 1, 2, 3 order by 1, 2`,
        [tenantId],
      )
    ).rows;

  it('holds what a cycle would send, releases it on approval re-checked against the ledger, once', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    await call(
      stack.scheduler.createRule(
        ruleRequest({ name: 'vencidas cada 2 días', sendHour: 9, overdue: { fromDays: 1, everyDays: 2 } }),
        auth,
      ),
    );
    const norte = await ledger.customer('Comercial Norte');
    const sur = await ledger.customer('Distribuidora Sur');
    const silent = await ledger.customer('Sin Correo', { contact: false });
    const paidLater = await ledger.invoice(norte, 'N-1', '2026-06-01');
    await ledger.invoice(norte, 'N-2', '2026-06-01');
    await ledger.invoice(sur, 'S-1', '2026-06-01');
    await ledger.invoice(silent, 'X-1', '2026-06-01');
    await stack.announced([norte, sur, silent]);

    expect((await call(stack.scheduler.updateSettings({ approvalRequired: true }, auth))).settings).toEqual({
      approvalRequired: true,
      pauseDaysAfterReply: 7,
      lateIssueNotices: scheduler.LateIssueNotices.LATE_ISSUE_NOTICES_MISSED,
      newCustomersEnrolled: true,
      openRunId: '',
    });
    const first = await call(stack.scheduler.runCycle({ asOf: instant('2026-06-02T18:00:00Z') }, auth));
    expect(first).toMatchObject({ queued: 0, awaitingApproval: 3, skipped: 1, missed: 0 });
    expect(first.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await renderJobs(tenantId)).toEqual([]);
    const listed = await call(
      stack.scheduler.listOccurrences({ customerId: sur, ruleId: '', pageSize: 0, pageToken: '' }, auth),
    );
    expect(listed.occurrences.map((o) => o.status)).toEqual([OccurrenceStatus.OCCURRENCE_STATUS_AWAITING_APPROVAL]);

    // The next step, two days later, waits in the same run.
    const second = await call(stack.scheduler.runCycle({ asOf: instant('2026-06-04T18:00:00Z') }, auth));
    expect(second).toMatchObject({ awaitingApproval: 3, runId: first.runId });
    expect((await call(stack.scheduler.getSettings({}, auth))).settings?.openRunId).toBe(first.runId);

    // N-1 is paid while the run waits: its two reminders are skipped, not sent.
    await ledger.pay(norte, paidLater.id, '100000', '2026-06-04');
    expect(await call(stack.scheduler.approveRun({ runId: first.runId }, auth))).toEqual({ released: 4, settled: 2 });
    const released = await renderJobs(tenantId);
    expect(released).toHaveLength(4);
    expect(await statuses(tenantId)).toEqual([
      { status: 'queued', reason: null, run_id: first.runId, n: 4 },
      { status: 'skipped', reason: 'no_deliverable_contact', run_id: null, n: 2 },
      { status: 'skipped', reason: 'settled', run_id: first.runId, n: 2 },
    ]);

    // Approving again releases nothing more.
    expect(await call(stack.scheduler.approveRun({ runId: first.runId }, auth))).toEqual({ released: 0, settled: 0 });
    expect(await renderJobs(tenantId)).toEqual(released);

    // What comes after the approval waits in a new run; with approval off, it goes straight out.
    const third = await call(stack.scheduler.runCycle({ asOf: instant('2026-06-06T18:00:00Z') }, auth));
    expect(third).toMatchObject({ awaitingApproval: 2 });
    expect(third.runId).not.toBe(first.runId);
    expect((await call(stack.scheduler.updateSettings({ approvalRequired: false }, auth))).settings).toEqual({
      approvalRequired: false,
      pauseDaysAfterReply: 7,
      lateIssueNotices: scheduler.LateIssueNotices.LATE_ISSUE_NOTICES_MISSED,
      newCustomersEnrolled: true,
      openRunId: third.runId,
    });
    const fourth = await call(stack.scheduler.runCycle({ asOf: instant('2026-06-08T18:00:00Z') }, auth));
    expect(fourth).toMatchObject({ queued: 2, awaitingApproval: 0, runId: '' });
    expect(await renderJobs(tenantId)).toHaveLength(6);
  });

  it("answers NOT_FOUND for another tenant's run and names a malformed run_id", async () => {
    const { auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    await call(
      stack.scheduler.createRule(ruleRequest({ name: 'vencidas', sendHour: 9, overdue: { fromDays: 1 } }), auth),
    );
    await ledger.invoice(await ledger.customer('Uno'), 'U-1', '2026-06-01');
    await call(stack.scheduler.updateSettings({ approvalRequired: true }, auth));
    const { runId } = await call(stack.scheduler.runCycle({ asOf: instant('2026-06-02T18:00:00Z') }, auth));

    const other = await stack.tenant();
    const foreign = await failure(stack.scheduler.approveRun({ runId }, other.auth));
    expect(foreign.code).toBe(status.NOT_FOUND);
    const malformed = await failure(stack.scheduler.approveRun({ runId: 'run-1' }, auth));
    expect(malformed.code).toBe(status.INVALID_ARGUMENT);
    expect(readBadRequest(malformed).map((v) => v.field)).toEqual(['run_id']);
    // Still waiting, untouched by the refusals.
    expect(await call(stack.scheduler.approveRun({ runId }, auth))).toEqual({ released: 1, settled: 0 });
  });
});
