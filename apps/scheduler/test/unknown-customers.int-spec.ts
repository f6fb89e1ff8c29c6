import { status } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { readBadRequest } from '@chasqui/grpc';
import type { Observable } from 'rxjs';
import { call, failure } from './support/calls';
import { instant, Ledger } from './support/ledger';
import { ruleRequest } from './support/rules';
import { SchedulerStack } from './support/scheduler-stack';

jest.setTimeout(120_000);

describe('customer ids the scheduler was never told of are NOT_FOUND, naming the field', () => {
  const stack = new SchedulerStack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('Forecast, TestSend, SendNow and ListOccurrences by customer: unknown, another tenant’s, deleted', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    const { rule } = await call(stack.scheduler.createRule(ruleRequest({ overdue: { fromDays: 1 } }), auth));
    const known = await ledger.customer('Conocido');
    const gone = await ledger.customer('Se Va');
    await ledger.invoice(known, 'K-1', '2026-06-01');
    await stack.announced([known, gone]);
    await call(stack.scheduler.runCycle({ asOf: instant('2026-06-02T18:00:00Z') }, auth));
    // A customer with no invoices (receivables deletes no other) has a history: a reminder asked for, skipped.
    const asked = { customerId: gone, ruleId: rule!.id, kind: scheduler.RuleKind.RULE_KIND_UNSPECIFIED };
    const { occurrence } = await call(stack.scheduler.sendNow({ ...asked, invoiceIds: [], requestId: '' }, auth));
    expect(occurrence).toMatchObject({ customerId: gone, reason: 'nothing_to_collect' });
    await call(stack.receivables.deleteCustomer({ customerId: gone }, auth));
    await stack.announced([gone], true);
    const other = await stack.tenant();
    const never = '0190a6c4-0000-7000-8000-000000000002';

    const calls = (customerId: string, who = auth): [string, Observable<unknown>][] => [
      [
        'Forecast',
        stack.scheduler.forecast({ customerId, invoiceId: '', fromDate: '2026-06-01', toDate: '2026-06-30' }, who),
      ],
      ['TestSend', stack.scheduler.testSend({ ruleId: rule!.id, customerId, to: 'yo@example.com' }, who)],
      [
        'SendNow',
        stack.scheduler.sendNow(
          {
            customerId,
            ruleId: '',
            kind: scheduler.RuleKind.RULE_KIND_OVERDUE,
            invoiceIds: [],
            requestId: '',
          },
          who,
        ),
      ],
      ['ListOccurrences', stack.scheduler.listOccurrences({ customerId, ruleId: '', pageSize: 0, pageToken: '' }, who)],
    ];
    const outcome = async (request: Observable<unknown>) => {
      const error = await failure(request);
      return { code: error.code, violations: readBadRequest(error) };
    };
    const notFound = {
      code: status.NOT_FOUND,
      violations: [
        {
          field: 'customer_id',
          description: expect.stringMatching(/announced by receivables \(a customer created a moment ago .*retry/),
        },
      ],
    };

    for (const [name, request] of calls(never)) expect([name, await outcome(request)]).toEqual([name, notFound]);
    // Another tenant's customer is no customer of this one — with another tenant's rule, the rule is not found first.
    await call(stack.scheduler.createRule(ruleRequest({ overdue: { fromDays: 1 } }), other.auth));
    for (const [name, request] of calls(known, other.auth)) {
      const expected =
        name === 'TestSend'
          ? { code: status.NOT_FOUND, violations: [{ field: 'rule_id', description: 'no such rule' }] }
          : notFound;
      expect([name, await outcome(request)]).toEqual([name, expected]);
    }
    // A deleted customer gets nothing more; its history stays readable.
    for (const [name, request] of calls(gone).filter(([name]) => name !== 'ListOccurrences')) {
      expect([name, await outcome(request)]).toEqual([name, notFound]);
    }
    const history = await call(
      stack.scheduler.listOccurrences({ customerId: gone, ruleId: '', pageSize: 0, pageToken: '' }, auth),
    );
    expect(history.occurrences).toEqual([occurrence]);

    // The known customer takes each of them.
    for (const [, request] of calls(known)) await call(request);
    const { rows } = await stack.sql.query<{ n: number }>(
      `select (select count(*) from scheduler.test_sends where tenant_id = $1)::int
            + (select count(*) from scheduler.occurrences where tenant_id = $1 and origin = 'manual'
                and customer_id = $2)::int as n`,
      [tenantId, known],
    );
    expect(rows[0].n).toBe(2);
  });
});
