import { status } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { readBadRequest } from '@chasqui/grpc';
import { call, failure } from './support/calls';
import { instant, Ledger } from './support/ledger';
import { ruleRequest } from './support/rules';
import { SchedulerStack } from './support/scheduler-stack';

jest.setTimeout(120_000);

describe('RunCycle answers what it recorded in all, by reason, and rule by rule', () => {
  const stack = new SchedulerStack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('counts each rule’s reminders queued, skipped by reason, and awaiting approval; another tenant’s cycle none', async () => {
    const { auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    const { rule: first } = await call(stack.scheduler.createRule(ruleRequest({ overdue: { fromDays: 1 } }), auth));
    const { rule: second } = await call(
      stack.scheduler.createRule(ruleRequest({ name: 'segunda', overdue: { fromDays: 1 } }), auth),
    );
    // Nothing is due soon: it records nothing and is not listed.
    await call(stack.scheduler.createRule(ruleRequest({ name: 'por vencer', dueSoon: { daysBefore: 3 } }), auth));
    const ids = {
      reachable: await ledger.customer('Con Correo'),
      silent: await ledger.customer('Sin Correo', { contact: false }),
      paused: await ledger.customer('En Pausa'),
      switchedOff: await ledger.customer('Sin La Segunda'),
    };
    for (const [name, id] of Object.entries(ids)) await ledger.invoice(id, name, '2026-06-01');
    await stack.announced(Object.values(ids));
    await call(stack.scheduler.pauseCustomer({ customerId: ids.paused, until: '2026-06-05', reason: '' }, auth));
    await call(
      stack.scheduler.setRuleSwitch(
        { customerId: ids.switchedOff, ruleId: second!.id, setting: scheduler.RuleSwitch.RULE_SWITCH_OFF },
        auth,
      ),
    );

    const other = await stack.tenant();
    expect(await call(stack.scheduler.runCycle({ asOf: instant('2026-06-02T18:00:00Z') }, other.auth))).toEqual({
      queued: 0,
      missed: 0,
      skipped: 0,
      awaitingApproval: 0,
      runId: '',
      rules: [],
      skippedByReason: [],
    });

    const cycle = await call(stack.scheduler.runCycle({ asOf: instant('2026-06-02T18:00:00Z') }, auth));
    expect(cycle).toEqual({
      queued: 3,
      missed: 0,
      skipped: 5,
      awaitingApproval: 0,
      runId: '',
      skippedByReason: [
        { reason: 'no_deliverable_contact', count: 2 },
        { reason: 'paused', count: 2 },
        { reason: 'rule_off', count: 1 },
      ],
      rules: [
        {
          ruleId: first!.id,
          queued: 2,
          missed: 0,
          skipped: 2,
          awaitingApproval: 0,
          skippedByReason: [
            { reason: 'no_deliverable_contact', count: 1 },
            { reason: 'paused', count: 1 },
          ],
        },
        {
          ruleId: second!.id,
          queued: 1,
          missed: 0,
          skipped: 3,
          awaitingApproval: 0,
          skippedByReason: [
            { reason: 'no_deliverable_contact', count: 1 },
            { reason: 'paused', count: 1 },
            { reason: 'rule_off', count: 1 },
          ],
        },
      ],
    });
  });

  it('counts what waits for approval per rule, and names a malformed as_of', async () => {
    const { auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    const { rule } = await call(stack.scheduler.createRule(ruleRequest({ overdue: { fromDays: 1 } }), auth));
    await ledger.invoice(await ledger.customer('Espera'), 'E-1', '2026-06-01');
    await call(stack.scheduler.updateSettings({ approvalRequired: true }, auth));
    const cycle = await call(stack.scheduler.runCycle({ asOf: instant('2026-06-02T18:00:00Z') }, auth));
    expect(cycle).toMatchObject({
      queued: 0,
      awaitingApproval: 1,
      rules: [{ ruleId: rule!.id, queued: 0, missed: 0, skipped: 0, awaitingApproval: 1, skippedByReason: [] }],
    });

    const bad = await failure(stack.scheduler.runCycle({ asOf: { seconds: '1780000000', nanos: -5 } }, auth));
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
    expect(readBadRequest(bad)).toEqual([{ field: 'as_of.nanos', description: 'nanos must be 0 to 999999999' }]);
  });
});
