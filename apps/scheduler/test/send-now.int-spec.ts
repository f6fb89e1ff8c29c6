import { status, type Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { readBadRequest } from '@chasqui/grpc';
import { randomUUID } from 'node:crypto';
import { call, failure } from './support/calls';
import { Ledger } from './support/ledger';
import { ruleRequest } from './support/rules';
import { SchedulerStack } from './support/scheduler-stack';

jest.setTimeout(120_000);

const { OccurrenceStatus, RuleKind } = scheduler;
const ZONE = 'America/Mexico_City';

/** A calendar date `offset` days from today in Mexico City, where the tenant is. */
const localDay = (offset = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + offset * 86_400_000));

describe('SendNow: a reminder now, through the occurrence log, judged as a cycle judges', () => {
  const stack = new SchedulerStack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  /** The render jobs waiting in the outbox (no renderer runs here). */
  const renderJobs = async (tenantId: string) =>
    (
      await stack.sql.query<{ body: Buffer }>(
        `select body from scheduler.outbox where tenant_id = $1::text and type = 'chasqui.scheduler.v1.RenderJob'
          order by seq`,
        [tenantId],
      )
    ).rows.map((row) => scheduler.RenderJob.decode(row.body));

  const sendNow = (request: Partial<scheduler.SendNowRequest>, auth: Metadata) =>
    stack.scheduler.sendNow(
      {
        customerId: '',
        ruleId: '',
        kind: RuleKind.RULE_KIND_UNSPECIFIED,
        invoiceIds: [],
        requestId: '',
        ...request,
      },
      auth,
    );

  const statementRule = (active: boolean) =>
    ruleRequest({
      name: 'estado de cuenta a pedido',
      active,
      grouping: scheduler.Grouping.GROUPING_PER_CUSTOMER,
      statement: { monthly: { day: 1 }, documents: scheduler.StatementDocuments.STATEMENT_DOCUMENTS_ALL_OPEN },
    });

  it('queues a statement now with a render job of its own, claiming none of the rule steps', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    // Inactive: it serves manual sends only. The overdue rule fires yesterday for the overdue invoice.
    const { rule: statement } = await call(stack.scheduler.createRule(statementRule(false), auth));
    const { rule: overdue } = await call(
      stack.scheduler.createRule(ruleRequest({ sendHour: 9, overdue: { fromDays: 4 } }), auth),
    );
    const customer = await ledger.customer('Ferretera del Valle');
    const late = await ledger.invoice(customer, 'V-1', localDay(-5));
    const notYetDue = await ledger.invoice(customer, 'V-2', localDay(20));
    await stack.announced([customer]);

    const { occurrence } = await call(sendNow({ customerId: customer, kind: RuleKind.RULE_KIND_STATEMENT }, auth));
    expect(occurrence).toMatchObject({
      ruleId: statement!.id,
      ruleKind: RuleKind.RULE_KIND_STATEMENT,
      customerId: customer,
      localDate: localDay(),
      status: OccurrenceStatus.OCCURRENCE_STATUS_QUEUED,
      reason: '',
      invoiceIds: [late.id, notYetDue.id],
      manual: true,
    });
    expect(await renderJobs(tenantId)).toEqual([
      expect.objectContaining({
        occurrenceId: occurrence!.id,
        customerId: customer,
        ruleId: statement!.id,
        ruleKind: RuleKind.RULE_KIND_STATEMENT,
        step: 0,
        invoiceIds: [late.id, notYetDue.id],
        asOf: localDay(),
        testTo: '',
      }),
    ]);
    expect((await call(stack.scheduler.getOccurrence({ occurrenceId: occurrence!.id }, auth))).occurrence).toEqual(
      occurrence,
    );

    // The overdue reminder now, by rule: the overdue invoice only. Then the cycle still sends the rule's own step.
    const manual = await call(sendNow({ customerId: customer, ruleId: overdue!.id }, auth));
    expect(manual.occurrence).toMatchObject({ invoiceIds: [late.id], manual: true });
    const cycle = await call(stack.scheduler.runCycle({}, auth));
    expect(cycle).toMatchObject({ queued: 1, missed: 0, skipped: 0 });
    const { occurrences } = await call(
      stack.scheduler.listOccurrences({ customerId: customer, ruleId: overdue!.id, pageSize: 0, pageToken: '' }, auth),
    );
    expect(occurrences.map((o) => [o.manual, o.localDate, o.invoiceIds])).toEqual([
      [false, localDay(-1), [late.id]],
      [true, localDay(), [late.id]],
    ]);
    expect(await renderJobs(tenantId)).toHaveLength(3);
  });

  it('records and answers a skip with its reason: not enrolled, paused, no contact, nothing to collect', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    await call(stack.scheduler.createRule(statementRule(true), auth));
    const ids = {
      unenrolled: await ledger.customer('Dado de Baja'),
      paused: await ledger.customer('En Pausa'),
      silent: await ledger.customer('Sin Correo', { contact: false }),
      clear: await ledger.customer('Al Corriente'),
    };
    for (const id of [ids.unenrolled, ids.paused, ids.silent]) await ledger.invoice(id, id.slice(0, 6), localDay(-3));
    await stack.announced(Object.values(ids));
    await call(stack.scheduler.setEnrollment({ customerIds: [ids.unenrolled], enrolled: false }, auth));
    await call(stack.scheduler.pauseCustomer({ customerId: ids.paused, until: localDay(3), reason: '' }, auth));

    const reasons: Record<string, string> = {};
    for (const [name, customerId] of Object.entries(ids)) {
      const { occurrence } = await call(sendNow({ customerId, kind: RuleKind.RULE_KIND_STATEMENT }, auth));
      expect(occurrence).toMatchObject({ status: OccurrenceStatus.OCCURRENCE_STATUS_SKIPPED, manual: true });
      reasons[name] = occurrence!.reason;
    }
    expect(reasons).toEqual({
      unenrolled: 'not_enrolled',
      paused: 'paused',
      silent: 'no_deliverable_contact',
      clear: 'nothing_to_collect',
    });
    expect(await renderJobs(tenantId)).toEqual([]);
    const skipped = await call(
      stack.scheduler.listOccurrences(
        { customerId: '', ruleId: '', pageSize: 0, pageToken: '', status: OccurrenceStatus.OCCURRENCE_STATUS_SKIPPED },
        auth,
      ),
    );
    expect(skipped.occurrences).toHaveLength(4);
  });

  it('answers a retry with the same request_id from the first call, sending nothing more', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    const { rule } = await call(stack.scheduler.createRule(statementRule(true), auth));
    const customer = await ledger.customer('Reintento');
    const other = await ledger.customer('Otro Cliente');
    await ledger.invoice(customer, 'R-1', localDay(-3));
    await stack.announced([customer, other]);
    const request = { customerId: customer, ruleId: rule!.id, requestId: 'erp-7781' };

    const [first, second] = await Promise.all([call(sendNow(request, auth)), call(sendNow(request, auth))]);
    const third = await call(sendNow(request, auth));
    expect(second.occurrence).toEqual(first.occurrence);
    expect(third.occurrence).toEqual(first.occurrence);
    expect((await renderJobs(tenantId)).map((job) => job.occurrenceId)).toEqual([first.occurrence!.id]);

    const reused = await failure(sendNow({ ...request, customerId: other }, auth));
    expect(reused.code).toBe(status.ALREADY_EXISTS);
    expect(readBadRequest(reused)).toEqual([
      { field: 'request_id', description: `was used for another SendNow (occurrence ${first.occurrence!.id})` },
    ]);
    // Another tenant's key is its own.
    const elsewhere = await stack.tenant();
    expect((await failure(sendNow(request, elsewhere.auth))).code).toBe(status.NOT_FOUND);
  });

  it('names the field of bad input; NOT_FOUND for unknown or foreign ids; says which rule it cannot choose', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    const { rule } = await call(stack.scheduler.createRule(statementRule(true), auth));
    await call(stack.scheduler.createRule(ruleRequest({ name: 'a', overdue: { fromDays: 1 } }), auth));
    await call(stack.scheduler.createRule(ruleRequest({ name: 'b', overdue: { fromDays: 9 } }), auth));
    const customer = await ledger.customer('Cliente');
    const invoice = await ledger.invoice(customer, 'C-1', localDay(-3));
    await stack.announced([customer]);
    const violation = async (request: Partial<scheduler.SendNowRequest>, metadata = auth) => {
      const error = await failure(sendNow(request, metadata));
      return { code: error.code, violations: readBadRequest(error), details: error.details };
    };

    expect(await violation({ customerId: customer, ruleId: rule!.id, kind: RuleKind.RULE_KIND_STATEMENT })).toEqual(
      expect.objectContaining({
        code: status.INVALID_ARGUMENT,
        violations: [{ field: 'rule_id', description: 'give exactly one of rule_id and kind' }],
      }),
    );
    expect((await violation({ customerId: customer })).violations).toEqual([
      { field: 'rule_id', description: 'give exactly one of rule_id and kind' },
    ]);
    expect((await violation({ customerId: 'c-1', ruleId: rule!.id })).violations).toEqual([
      { field: 'customer_id', description: 'must be a UUID' },
    ]);
    expect((await violation({ customerId: customer, ruleId: rule!.id, invoiceIds: ['F-1'] })).violations).toEqual([
      { field: 'invoice_ids[0]', description: 'must be a UUID' },
    ]);
    expect(
      (await violation({ customerId: customer, ruleId: rule!.id, requestId: 'x'.repeat(101) })).violations,
    ).toEqual([{ field: 'request_id', description: 'must be at most 100 characters' }]);

    const never = randomUUID();
    expect(await violation({ customerId: never, ruleId: rule!.id })).toEqual(
      expect.objectContaining({
        code: status.NOT_FOUND,
        violations: [expect.objectContaining({ field: 'customer_id' })],
      }),
    );
    expect(await violation({ customerId: customer, ruleId: randomUUID() })).toEqual(
      expect.objectContaining({
        code: status.NOT_FOUND,
        violations: [{ field: 'rule_id', description: 'no such rule' }],
      }),
    );
    expect(await violation({ customerId: customer, kind: RuleKind.RULE_KIND_OVERDUE })).toEqual(
      expect.objectContaining({
        code: status.FAILED_PRECONDITION,
        details: 'kind: the tenant has 2 active overdue rules; name one in rule_id',
      }),
    );
    expect(await violation({ customerId: customer, kind: RuleKind.RULE_KIND_DUE_SOON })).toEqual(
      expect.objectContaining({ code: status.FAILED_PRECONDITION, details: expect.stringMatching(/no due_soon rule/) }),
    );
    const paidOrForeign = randomUUID();
    expect(
      await violation({ customerId: customer, ruleId: rule!.id, invoiceIds: [invoice.id, paidOrForeign] }),
    ).toEqual(
      expect.objectContaining({
        code: status.FAILED_PRECONDITION,
        details: expect.stringContaining(`invoice_ids: ${paidOrForeign} is not an open invoice`),
      }),
    );

    // Another tenant reaches neither this tenant's customer nor its rule.
    const other = await stack.tenant();
    const theirs = await new Ledger(stack, other.auth).customer('Suyo');
    await stack.announced([theirs]);
    expect(await violation({ customerId: customer, kind: RuleKind.RULE_KIND_STATEMENT }, other.auth)).toEqual(
      expect.objectContaining({
        code: status.NOT_FOUND,
        violations: [expect.objectContaining({ field: 'customer_id' })],
      }),
    );
    expect(await violation({ customerId: theirs, ruleId: rule!.id }, other.auth)).toEqual(
      expect.objectContaining({
        code: status.NOT_FOUND,
        violations: [{ field: 'rule_id', description: 'no such rule' }],
      }),
    );
    // Nothing was recorded by any of it.
    expect(await renderJobs(tenantId)).toEqual([]);
    const { rows } = await stack.sql.query(`select id from scheduler.occurrences where tenant_id = any($1::uuid[])`, [
      [tenantId, other.id],
    ]);
    expect(rows).toEqual([]);
  });
});
