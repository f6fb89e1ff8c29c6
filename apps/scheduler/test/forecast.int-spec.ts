import { status } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { readBadRequest } from '@chasqui/grpc';
import { call, failure } from './support/calls';
import { Ledger } from './support/ledger';
import { SchedulerStack } from './support/scheduler-stack';

jest.setTimeout(120_000);

const { Grouping, StatementDocuments } = scheduler;
const rule = (name: string, schedule: Partial<scheduler.CreateRuleRequest>): scheduler.CreateRuleRequest => ({
  name,
  sendHour: 9,
  template: '',
  grouping: Grouping.GROUPING_PER_INVOICE,
  businessDaysOnly: false,
  ...schedule,
});

describe('Forecast: what will go out if nothing is paid', () => {
  const stack = new SchedulerStack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it("lists every rule's reminders for a customer over four months, with the ones a pause would skip", async () => {
    const { auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    const names = new Map<string, string>();
    for (const [name, schedule] of [
      ['2 días antes', { dueSoon: { daysBefore: 2 } }],
      ['al vencer', { overdue: { fromDays: 0 } }],
      ['3 días después', { overdue: { fromDays: 3 } }],
      [
        'estado mensual',
        { statement: { monthly: { day: 1 }, documents: StatementDocuments.STATEMENT_DOCUMENTS_ALL_OPEN } },
      ],
      ['cierre', { accountClosing: { daysBeforeLimit: 30 } }],
      ['cerrada', { accountClosed: {} }],
    ] as const) {
      const { rule: created } = await call(stack.scheduler.createRule(rule(name, schedule), auth));
      names.set(created!.id, name);
    }
    const customer = await ledger.customer('pronostico', { delinquencyLimitDays: 90 });
    const invoice = await ledger.invoice(customer, 'P-1', '2026-07-15');
    await stack.announced([customer]);
    await call(
      stack.scheduler.pauseCustomer({ customerId: customer, until: '2026-07-15', reason: 'promesa de pago' }, auth),
    );

    const { reminders } = await call(
      stack.scheduler.forecast(
        { customerId: customer, invoiceId: '', fromDate: '2026-07-01', toDate: '2026-10-31' },
        auth,
      ),
    );
    expect(
      reminders.map((r) => `${r.localDate} ${names.get(r.ruleId)}${r.skipReason ? ` (${r.skipReason})` : ''}`),
    ).toEqual([
      '2026-07-01 estado mensual (paused)',
      '2026-07-13 2 días antes (paused)',
      '2026-07-15 al vencer (paused)',
      '2026-07-18 3 días después',
      '2026-08-01 estado mensual',
      '2026-09-01 estado mensual',
      '2026-09-13 cierre', // due + 60
      '2026-10-01 estado mensual',
      '2026-10-13 cerrada', // due + 90
    ]);
    expect(reminders[3]).toMatchObject({
      invoiceIds: [invoice.id],
      fireAt: { seconds: String(Date.parse('2026-07-18T15:00:00Z') / 1000), nanos: 0 },
    });
  });

  it("narrows to one invoice; tenant B's key sees nothing of tenant A's customer; bad ranges are refused", async () => {
    const a = await stack.tenant();
    const ledger = new Ledger(stack, a.auth);
    await call(
      stack.scheduler.createRule(rule('cada 10', { overdue: { fromDays: 1, untilDays: 21, everyDays: 10 } }), a.auth),
    );
    const customer = await ledger.customer('dos-facturas');
    const first = await ledger.invoice(customer, 'D-1', '2026-08-01');
    await ledger.invoice(customer, 'D-2', '2026-08-05');
    await stack.announced([customer]);
    const { reminders } = await call(
      stack.scheduler.forecast(
        { customerId: customer, invoiceId: first.id, fromDate: '2026-08-01', toDate: '2026-08-31' },
        a.auth,
      ),
    );
    expect(reminders.map((r) => [r.localDate, r.invoiceIds])).toEqual([
      ['2026-08-02', [first.id]],
      ['2026-08-12', [first.id]],
      ['2026-08-22', [first.id]],
    ]);

    // Another tenant has no such customer.
    const b = await stack.tenant();
    const foreign = await failure(
      stack.scheduler.forecast(
        { customerId: customer, invoiceId: '', fromDate: '2026-08-01', toDate: '2026-08-31' },
        b.auth,
      ),
    );
    expect(foreign.code).toBe(status.NOT_FOUND);
    expect(readBadRequest(foreign).map((v) => v.field)).toEqual(['customer_id']);

    const backwards = await failure(
      stack.scheduler.forecast(
        { customerId: customer, invoiceId: '', fromDate: '2026-08-31', toDate: '2026-08-01' },
        a.auth,
      ),
    );
    expect(backwards.code).toBe(status.INVALID_ARGUMENT);
    expect(readBadRequest(backwards)).toEqual([{ field: 'to_date', description: 'must not be before from_date' }]);
  });
});
