import { status } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { readBadRequest } from '@chasqui/grpc';
import { call, failure } from './support/calls';
import { SchedulerStack } from './support/scheduler-stack';

jest.setTimeout(120_000);

const { Grouping, RuleKind, StatementDocuments } = scheduler;

const base: scheduler.CreateRuleRequest = {
  name: 'regla',
  template: '',
  grouping: Grouping.GROUPING_UNSPECIFIED,
  businessDaysOnly: false,
};

describe('collection rules of every kind', () => {
  const stack = new SchedulerStack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('creates each kind the products offer, and lists them back as written', async () => {
    const { auth } = await stack.tenant();
    const requests: scheduler.CreateRuleRequest[] = [
      { ...base, name: 'Factura emitida', invoiceIssued: {} },
      { ...base, name: '2 días antes', sendHour: 8, dueSoon: { daysBefore: 2 } },
      { ...base, name: 'Vencidas 5–30 cada 5', overdue: { fromDays: 5, untilDays: 30, everyDays: 5 } },
      {
        ...base,
        name: 'Estado semanal (lunes)',
        sendHour: 9,
        businessDaysOnly: true,
        statement: { weekly: { weekday: 1 }, documents: StatementDocuments.STATEMENT_DOCUMENTS_OVERDUE_ONLY },
      },
      {
        ...base,
        name: 'Estado mensual',
        statement: { monthly: { day: 31 }, documents: StatementDocuments.STATEMENT_DOCUMENTS_ALL_OPEN },
      },
      {
        ...base,
        name: 'Quincenal',
        statement: {
          interval: { startDate: '2026-01-01', everyDays: 15 },
          documents: StatementDocuments.STATEMENT_DOCUMENTS_UNSPECIFIED,
        },
      },
      { ...base, name: 'Cierre de cuenta', accountClosing: { daysBeforeLimit: 30 } },
      {
        ...base,
        name: 'Cuenta cerrada',
        grouping: Grouping.GROUPING_PER_CUSTOMER,
        audience: {
          contactRoles: ['finanzas'],
          extraRecipients: ['cobranza@example.com'],
          cc: [],
          bcc: ['audit@example.com'],
        },
        accountClosed: {},
      },
    ];
    for (const request of requests) await call(stack.scheduler.createRule(request, auth));
    const { rules } = await call(stack.scheduler.listRules({}, auth));
    expect(rules.map((r) => [r.name, r.kind])).toEqual([
      ['Factura emitida', RuleKind.RULE_KIND_INVOICE_ISSUED],
      ['2 días antes', RuleKind.RULE_KIND_DUE_SOON],
      ['Vencidas 5–30 cada 5', RuleKind.RULE_KIND_OVERDUE],
      ['Estado semanal (lunes)', RuleKind.RULE_KIND_STATEMENT],
      ['Estado mensual', RuleKind.RULE_KIND_STATEMENT],
      ['Quincenal', RuleKind.RULE_KIND_STATEMENT],
      ['Cierre de cuenta', RuleKind.RULE_KIND_ACCOUNT_CLOSING],
      ['Cuenta cerrada', RuleKind.RULE_KIND_ACCOUNT_CLOSED],
    ]);
    expect(rules[1]).toMatchObject({ sendHour: 8, active: true, dueSoon: { daysBefore: 2 } });
    expect(rules[2]).toMatchObject({ sendHour: 9, overdue: { fromDays: 5, untilDays: 30, everyDays: 5 } });
    expect(rules[3]).toMatchObject({
      businessDaysOnly: true,
      statement: { weekly: { weekday: 1 }, documents: StatementDocuments.STATEMENT_DOCUMENTS_OVERDUE_ONLY },
    });
    expect(rules[5].statement).toMatchObject({
      interval: { startDate: '2026-01-01', everyDays: 15 },
      documents: StatementDocuments.STATEMENT_DOCUMENTS_ALL_OPEN,
    });
    expect(rules[7]).toMatchObject({
      grouping: Grouping.GROUPING_PER_CUSTOMER,
      audience: { contactRoles: ['finanzas'], extraRecipients: ['cobranza@example.com'], bcc: ['audit@example.com'] },
    });
  });

  it('updates a rule to another schedule, deactivates it, and retires it', async () => {
    const { auth } = await stack.tenant();
    const { rule } = await call(stack.scheduler.createRule({ ...base, overdue: { fromDays: 1 } }, auth));
    const { rule: updated } = await call(
      stack.scheduler.updateRule(
        {
          ruleId: rule!.id,
          rule: { ...base, name: 'Antes del vencimiento', active: false, dueSoon: { daysBefore: 3 } },
        },
        auth,
      ),
    );
    expect(updated).toMatchObject({
      id: rule!.id,
      name: 'Antes del vencimiento',
      kind: RuleKind.RULE_KIND_DUE_SOON,
      active: false,
      dueSoon: { daysBefore: 3 },
    });
    await call(stack.scheduler.deleteRule({ ruleId: rule!.id }, auth));
    expect((await call(stack.scheduler.listRules({}, auth))).rules).toEqual([]);
    const again = await failure(stack.scheduler.deleteRule({ ruleId: rule!.id }, auth));
    expect(again.code).toBe(status.NOT_FOUND);
  });

  it.each<[string, Partial<scheduler.CreateRuleRequest>, { field: string; description: string }]>([
    ['no schedule', {}, { field: 'schedule', description: 'a schedule is required' }],
    ['no name', { name: ' ', dueSoon: { daysBefore: 2 } }, { field: 'name', description: 'is required' }],
    [
      'hour 24',
      { sendHour: 24, dueSoon: { daysBefore: 2 } },
      { field: 'send_hour', description: 'must be an hour 0-23' },
    ],
    [
      'a window that ends before it starts',
      { overdue: { fromDays: 30, untilDays: 5 } },
      { field: 'overdue.until_days', description: 'must not be before from_days' },
    ],
    [
      'weekday 8',
      { statement: { weekly: { weekday: 8 }, documents: StatementDocuments.STATEMENT_DOCUMENTS_ALL_OPEN } },
      { field: 'statement.weekly.weekday', description: 'must be 1 (Monday) to 7' },
    ],
    [
      'a statement without a cadence',
      { statement: { documents: StatementDocuments.STATEMENT_DOCUMENTS_ALL_OPEN } },
      { field: 'statement.cadence', description: 'one of weekly, monthly or interval is required' },
    ],
    [
      'an impossible start date',
      { statement: { interval: { startDate: '2026-02-30', everyDays: 15 }, documents: 0 as never } },
      { field: 'statement.interval.start_date', description: 'must be a calendar date YYYY-MM-DD' },
    ],
    [
      'a bad extra recipient',
      {
        audience: { contactRoles: [], extraRecipients: ['not-an-email'], cc: [], bcc: [] },
        dueSoon: { daysBefore: 1 },
      },
      { field: 'audience.extra_recipients[0]', description: 'must be an email address' },
    ],
  ])('refuses %s, naming the field', async (_, request, violation) => {
    const { auth } = await stack.tenant();
    const error = await failure(stack.scheduler.createRule({ ...base, ...request }, auth));
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(readBadRequest(error)).toContainEqual(violation);
    expect((await call(stack.scheduler.listRules({}, auth))).rules).toEqual([]);
  });

  it("tenant B's key sees, changes and retires nothing of tenant A's rules", async () => {
    const a = await stack.tenant();
    const b = await stack.tenant();
    const { rule } = await call(stack.scheduler.createRule({ ...base, dueSoon: { daysBefore: 2 } }, a.auth));
    expect((await call(stack.scheduler.listRules({}, b.auth))).rules).toEqual([]);
    const update = await failure(
      stack.scheduler.updateRule({ ruleId: rule!.id, rule: { ...base, dueSoon: { daysBefore: 9 } } }, b.auth),
    );
    expect(update.code).toBe(status.NOT_FOUND);
    const remove = await failure(stack.scheduler.deleteRule({ ruleId: rule!.id }, b.auth));
    expect(remove.code).toBe(status.NOT_FOUND);
    expect((await call(stack.scheduler.listRules({}, a.auth))).rules).toEqual([
      expect.objectContaining({ id: rule!.id, dueSoon: { daysBefore: 2 } }),
    ]);
  });
});
