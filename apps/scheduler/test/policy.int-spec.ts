import { status } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { readBadRequest } from '@chasqui/grpc';
import { waitFor } from '@chasqui/testing';
import type { Metadata } from '@grpc/grpc-js';
import type { Observable } from 'rxjs';
import { days, instant, Ledger } from './support/ledger';
import { call, failure } from './support/calls';
import { SchedulerStack } from './support/scheduler-stack';

jest.setTimeout(180_000);

const { RuleSwitch } = scheduler;

const overdueRule = (name: string, active = true): scheduler.CreateRuleRequest => ({
  name,
  template: '',
  grouping: scheduler.Grouping.GROUPING_PER_INVOICE,
  businessDaysOnly: false,
  active,
  overdue: { fromDays: 1, untilDays: 9, everyDays: 2 },
});

describe('who is chased: enrolment, exclusions, pauses, per-customer rule switches', () => {
  const stack = new SchedulerStack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  /** Reasons per customer external id, in date order. */
  const reasons = async (tenantId: string, customers: Record<string, string>) => {
    const { rows } = await stack.sql.query<{
      customer_id: string;
      date: string;
      status: string;
      reason: string | null;
    }>(
      `select customer_id, local_date::text as date, status, reason from scheduler.occurrences
        where tenant_id = $1 order by local_date, id`,
      [tenantId],
    );
    return Object.fromEntries(
      Object.entries(customers).map(([name, id]) => [
        name,
        rows.filter((r) => r.customer_id === id).map((r) => `${r.date} ${r.reason ?? r.status}`),
      ]),
    );
  };
  const run = async (auth: Metadata, from: string, to: string) => {
    for (const day of days(from, to)) await call(stack.scheduler.runCycle({ asOf: instant(`${day}T18:00:00Z`) }, auth));
  };

  it('records every skip with its reason, and sends to the rest', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    const { rule } = await call(stack.scheduler.createRule(overdueRule('Vencidas'), auth));
    const { rule: dormant } = await call(stack.scheduler.createRule(overdueRule('Solo algunos', false), auth));
    const ids = {
      chased: await ledger.customer('Cliente Normal'),
      unenrolled: await ledger.customer('Cliente Baja'),
      excludedByName: await ledger.customer('Gobierno del Estado'),
      paused: await ledger.customer('Promesa de Pago'),
      switchedOff: await ledger.customer('Sin Esta Regla'),
    };
    for (const [i, id] of Object.values(ids).entries()) await ledger.invoice(id, String(i), '2026-06-01');
    await stack.announced(Object.values(ids));

    await call(stack.scheduler.setEnrollment({ customerIds: [ids.unenrolled], enrolled: false }, auth));
    await call(stack.scheduler.addExclusion({ ruleId: '', legalName: '  GOBIERNO del   estado ' }, auth));
    await call(
      stack.scheduler.pauseCustomer({ customerId: ids.paused, until: '2026-06-04', reason: 'promesa de pago' }, auth),
    );
    await call(
      stack.scheduler.setRuleSwitch(
        { customerId: ids.switchedOff, ruleId: rule!.id, setting: RuleSwitch.RULE_SWITCH_OFF },
        auth,
      ),
    );
    await call(
      stack.scheduler.setRuleSwitch(
        { customerId: ids.chased, ruleId: dormant!.id, setting: RuleSwitch.RULE_SWITCH_ON },
        auth,
      ),
    );

    await run(auth, '2026-06-01', '2026-06-06');
    const byRule = async (ruleId: string) =>
      (
        await stack.sql.query(
          `select count(*)::int as n from scheduler.occurrences where rule_id = $1 and status = 'queued'`,
          [ruleId],
        )
      ).rows[0].n;
    expect(await reasons(tenantId, ids)).toEqual({
      // Both rules: the active one and the inactive one switched on for this customer.
      chased: [
        '2026-06-02 queued',
        '2026-06-02 queued',
        '2026-06-04 queued',
        '2026-06-04 queued',
        '2026-06-06 queued',
        '2026-06-06 queued',
      ],
      unenrolled: ['2026-06-02 not_enrolled', '2026-06-04 not_enrolled', '2026-06-06 not_enrolled'],
      excludedByName: ['2026-06-02 excluded', '2026-06-04 excluded', '2026-06-06 excluded'],
      // A pause skips through its last day; it does not postpone.
      paused: ['2026-06-02 paused', '2026-06-04 paused', '2026-06-06 queued'],
      switchedOff: ['2026-06-02 rule_off', '2026-06-04 rule_off', '2026-06-06 rule_off'],
    });
    expect(await byRule(dormant!.id)).toBe(3);

    // Undo: back in, resumed, back to the rule's own setting — the next step goes out.
    await call(stack.scheduler.setEnrollment({ customerIds: [ids.unenrolled], enrolled: true }, auth));
    await call(
      stack.scheduler.setRuleSwitch(
        { customerId: ids.switchedOff, ruleId: rule!.id, setting: RuleSwitch.RULE_SWITCH_DEFAULT },
        auth,
      ),
    );
    await run(auth, '2026-06-07', '2026-06-08');
    const after = await reasons(tenantId, ids);
    expect(after.unenrolled.at(-1)).toBe('2026-06-08 queued');
    expect(after.switchedOff.at(-1)).toBe('2026-06-08 queued');
  });

  it('exclusions by tax id, for one rule; listed and removed', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    const { rule } = await call(stack.scheduler.createRule(overdueRule('Una regla'), auth));
    const { customer } = await call(
      stack.receivables.createCustomer(
        {
          externalId: 'rfc',
          legalName: 'Con RFC',
          taxId: 'COSC8001137NA',
          timeZone: '',
          locale: '',
          contacts: [{ name: 'x', email: 'x@example.com', role: '', receivesReminders: true }],
        },
        auth,
      ),
    );
    await ledger.invoice(customer!.id, 'R', '2026-06-01');
    const { exclusion } = await call(stack.scheduler.addExclusion({ ruleId: rule!.id, taxId: 'cosc8001137na' }, auth));
    const again = await call(stack.scheduler.addExclusion({ ruleId: rule!.id, taxId: 'COSC8001137NA' }, auth));
    expect(again.exclusion!.id).toBe(exclusion!.id);
    expect((await call(stack.scheduler.listExclusions({}, auth))).exclusions).toEqual([
      { id: exclusion!.id, ruleId: rule!.id, taxId: 'COSC8001137NA', match: 'taxId' },
    ]);
    await run(auth, '2026-06-02', '2026-06-02');
    await call(stack.scheduler.removeExclusion({ exclusionId: exclusion!.id }, auth));
    await run(auth, '2026-06-04', '2026-06-04');
    expect((await reasons(tenantId, { c: customer!.id })).c).toEqual(['2026-06-02 excluded', '2026-06-04 queued']);
  });

  it('counts enrolled customers as receivables announces them', async () => {
    const { auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    const ids = [await ledger.customer('a'), await ledger.customer('b'), await ledger.customer('c')];
    await waitFor(
      async () => (await call(stack.scheduler.getEnrollment({}, auth))).counts?.enrolled === 3,
      'customer.changed to reach the scheduler',
    );
    const { counts } = await call(
      stack.scheduler.setEnrollment({ customerIds: ids.slice(0, 2), enrolled: false }, auth),
    );
    expect(counts).toEqual({ enrolled: 1, notEnrolled: 2 });
  });

  it('refuses customers receivables never announced, or deleted, and stores nothing for them', async () => {
    const { auth } = await stack.tenant();
    const other = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    const { rule } = await call(stack.scheduler.createRule(overdueRule('R'), auth));
    const known = await ledger.customer('Conocido');
    const gone = await ledger.customer('Se Va');
    await stack.announced([known, gone]);
    await call(stack.receivables.deleteCustomer({ customerId: gone }, auth));
    await stack.announced([gone], true);
    const never = '0190a6c4-0000-7000-8000-000000000001';
    const notFound = async (request: Observable<unknown>) => {
      const error = await failure(request);
      return { code: error.code, fields: readBadRequest(error).map((v) => v.field) };
    };
    const pause = (customerId: string, who = auth) =>
      stack.scheduler.pauseCustomer({ customerId, until: '2026-06-30', reason: '' }, who);
    const switchOff = (customerId: string) =>
      stack.scheduler.setRuleSwitch({ customerId, ruleId: rule!.id, setting: RuleSwitch.RULE_SWITCH_OFF }, auth);

    for (const request of [
      pause(never),
      pause(gone),
      pause(known, other.auth), // another tenant's customer is no customer of this one
      stack.scheduler.resumeCustomer({ customerId: never }, auth),
      switchOff(never),
    ]) {
      expect(await notFound(request)).toEqual({ code: status.NOT_FOUND, fields: ['customer_id'] });
    }
    // In bulk: one unknown id refuses the call, and the known customer stays as it was.
    expect(
      await notFound(stack.scheduler.setEnrollment({ customerIds: [known, never], enrolled: false }, auth)),
    ).toEqual({ code: status.NOT_FOUND, fields: ['customer_ids'] });
    expect((await call(stack.scheduler.getEnrollment({}, auth))).counts).toEqual({ enrolled: 1, notEnrolled: 0 });
    // The description tells a caller that just created the customer to retry.
    expect(readBadRequest(await failure(pause(never)))[0].description).toMatch(/not be announced yet: retry/);

    const { rows } = await stack.sql.query(
      `select customer_id from scheduler.customer_policies where customer_id = $1 or (customer_id = $2 and tenant_id = $3)`,
      [never, known, other.id],
    );
    expect(rows).toEqual([]);
    // The known customer takes all of it.
    await call(pause(known));
    await call(switchOff(known));
    await call(stack.scheduler.resumeCustomer({ customerId: known }, auth));
    await call(stack.scheduler.setEnrollment({ customerIds: [known], enrolled: false }, auth));
  });

  it("refuses bad input naming the field; tenant B reaches nothing of tenant A's", async () => {
    const a = await stack.tenant();
    const b = await stack.tenant();
    const { rule } = await call(stack.scheduler.createRule(overdueRule('A'), a.auth));
    const cases: [Observable<unknown>, number, { field: string; description: string }][] = [
      [
        stack.scheduler.setEnrollment({ customerIds: ['nope'], enrolled: false }, a.auth),
        status.INVALID_ARGUMENT,
        { field: 'customer_ids[0]', description: 'must be a UUID' },
      ],
      [
        stack.scheduler.pauseCustomer({ customerId: rule!.id, until: '2026-02-30', reason: '' }, a.auth),
        status.INVALID_ARGUMENT,
        { field: 'until', description: 'must be a calendar date YYYY-MM-DD' },
      ],
      [
        stack.scheduler.addExclusion({ ruleId: '' }, a.auth),
        status.INVALID_ARGUMENT,
        { field: 'match', description: 'a tax_id or a legal_name is required' },
      ],
      [
        stack.scheduler.setRuleSwitch(
          { customerId: rule!.id, ruleId: rule!.id, setting: RuleSwitch.RULE_SWITCH_OFF },
          b.auth,
        ),
        status.NOT_FOUND,
        { field: 'rule_id', description: 'no such rule' },
      ],
      [
        stack.scheduler.addExclusion({ ruleId: rule!.id, taxId: 'X' }, b.auth),
        status.NOT_FOUND,
        { field: 'rule_id', description: 'no such rule' },
      ],
    ];
    for (const [request, code, violation] of cases) {
      const error = await failure(request);
      expect({ code: error.code, violations: readBadRequest(error) }).toEqual({ code, violations: [violation] });
    }
    const { exclusion } = await call(stack.scheduler.addExclusion({ ruleId: '', taxId: 'AAA010101AAA' }, a.auth));
    expect((await call(stack.scheduler.listExclusions({}, b.auth))).exclusions).toEqual([]);
    const remove = await failure(stack.scheduler.removeExclusion({ exclusionId: exclusion!.id }, b.auth));
    expect(remove.code).toBe(status.NOT_FOUND);
    expect((await call(stack.scheduler.listExclusions({}, a.auth))).exclusions).toHaveLength(1);
  });
});
