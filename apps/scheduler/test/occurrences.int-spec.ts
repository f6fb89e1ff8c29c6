import { status } from '@grpc/grpc-js';
import { Exchanges, MessageTypes, operations, RoutingKeys, scheduler } from '@chasqui/contracts';
import { readBadRequest } from '@chasqui/grpc';
import { connectProbe, waitFor } from '@chasqui/testing';
import { randomUUID } from 'node:crypto';
import { firstValueFrom } from 'rxjs';
import { days, instant, Ledger } from './support/ledger';
import { call, failure } from './support/calls';
import { ruleRequest } from './support/rules';
import { SchedulerStack } from './support/scheduler-stack';

jest.setTimeout(120_000);

const { OccurrenceStatus } = scheduler;

describe('ListOccurrences: what was decided, with its reason', () => {
  const stack = new SchedulerStack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('pages through every decision, newest first, filtered by customer; another tenant has no such customer', async () => {
    const { auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    const { rule } = await firstValueFrom(
      stack.scheduler.createRule(
        {
          name: 'cada 2 días',
          template: '',
          grouping: scheduler.Grouping.GROUPING_PER_INVOICE,
          businessDaysOnly: false,
          overdue: { fromDays: 1, untilDays: 9, everyDays: 2 },
        },
        auth,
      ),
    );
    const reachable = await ledger.customer('con-contacto');
    const unreachable = await ledger.customer('sin-contacto', { contact: false });
    const invoice = await ledger.invoice(reachable, 'R', '2026-05-01');
    await ledger.invoice(unreachable, 'U', '2026-05-01');
    await stack.announced([reachable, unreachable]);
    for (const day of days('2026-05-01', '2026-05-12')) {
      await firstValueFrom(stack.scheduler.runCycle({ asOf: instant(`${day}T18:00:00Z`) }, auth));
    }

    const pages: scheduler.Occurrence[][] = [];
    let pageToken = '';
    do {
      const page = await firstValueFrom(
        stack.scheduler.listOccurrences({ customerId: reachable, ruleId: '', pageSize: 2, pageToken }, auth),
      );
      pages.push(page.occurrences);
      pageToken = page.nextPageToken;
    } while (pageToken);
    const all = pages.flat();
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(all.map((o) => o.localDate)).toEqual(['2026-05-10', '2026-05-08', '2026-05-06', '2026-05-04', '2026-05-02']);
    expect(all[0]).toMatchObject({
      ruleId: rule!.id,
      customerId: reachable,
      status: OccurrenceStatus.OCCURRENCE_STATUS_QUEUED,
      reason: '',
      invoiceIds: [invoice.id],
      fireAt: { seconds: String(Date.parse('2026-05-10T15:00:00Z') / 1000), nanos: 0 },
    });

    const skipped = await firstValueFrom(
      stack.scheduler.listOccurrences({ customerId: unreachable, ruleId: '', pageSize: 0, pageToken: '' }, auth),
    );
    expect(skipped.occurrences).toHaveLength(5);
    expect(skipped.occurrences.every((o) => o.reason === 'no_deliverable_contact')).toBe(true);

    // Another tenant has no such customer.
    const other = await stack.tenant();
    const foreign = await failure(
      stack.scheduler.listOccurrences({ customerId: reachable, ruleId: '', pageSize: 0, pageToken: '' }, other.auth),
    );
    expect(foreign.code).toBe(status.NOT_FOUND);
    expect(readBadRequest(foreign).map((v) => v.field)).toEqual(['customer_id']);
  });

  it('refuses a page token it did not give, and a page larger than 1000, naming the field', async () => {
    const { auth } = await stack.tenant();
    const token = await failure(stack.scheduler.listOccurrences(query({ pageSize: 10, pageToken: 'bm9wZQ' }), auth));
    expect(token.code).toBe(status.INVALID_ARGUMENT);
    expect(readBadRequest(token)).toEqual([{ field: 'page_token', description: 'is not a token this service gave' }]);
    const size = await failure(stack.scheduler.listOccurrences(query({ pageSize: 5000 }), auth));
    expect(readBadRequest(size)).toEqual([{ field: 'page_size', description: 'must be at most 1000' }]);
  });

  /** A ListOccurrences request: every filter empty unless given. */
  const query = (request: Partial<scheduler.ListOccurrencesRequest>): scheduler.ListOccurrencesRequest => ({
    customerId: '',
    ruleId: '',
    pageSize: 0,
    pageToken: '',
    invoiceId: '',
    status: OccurrenceStatus.OCCURRENCE_STATUS_UNSPECIFIED,
    reason: '',
    ...request,
  });

  /** What the renderer publishes when a render job dies. */
  async function renderJobDied(tenantId: string, occurrenceId: string) {
    const connection = await connectProbe(stack.amqpUrl);
    try {
      const channel = await connection.createConfirmChannel();
      const body = operations.JobDeadLettered.encode({
        tenantId,
        occurrenceId,
        queue: 'renderer.render-jobs',
        reason: 'template broke',
        death: operations.DeathKind.DEATH_KIND_PERMANENT,
        deadLetteredAt: instant('2026-05-04T18:05:00Z'),
      }).finish();
      channel.publish(Exchanges.events, RoutingKeys.renderJobDeadLettered, Buffer.from(body), {
        persistent: true,
        messageId: randomUUID(),
        type: MessageTypes.jobDeadLettered,
      });
      await channel.waitForConfirms();
    } finally {
      await connection.close();
    }
  }

  it('filters by invoice, status, reason and decision time, pages within the filters, and gets one by id', async () => {
    const { id: tenantId, auth } = await stack.tenant();
    const ledger = new Ledger(stack, auth);
    const { rule } = await call(
      stack.scheduler.createRule(ruleRequest({ overdue: { fromDays: 1, untilDays: 9, everyDays: 2 } }), auth),
    );
    const reachable = await ledger.customer('filtros-con-contacto');
    const unreachable = await ledger.customer('filtros-sin-contacto', { contact: false });
    const first = await ledger.invoice(reachable, 'A1', '2026-05-01');
    const second = await ledger.invoice(reachable, 'A2', '2026-05-03');
    await ledger.invoice(unreachable, 'B1', '2026-05-01');
    await stack.announced([reachable, unreachable]);
    for (const day of days('2026-05-01', '2026-05-08')) {
      await call(stack.scheduler.runCycle({ asOf: instant(`${day}T18:00:00Z`) }, auth));
    }
    const list = (request: Partial<scheduler.ListOccurrencesRequest>) =>
      call(stack.scheduler.listOccurrences(query(request), auth)).then((page) => page.occurrences);

    // first: due 05-01, steps 05-02, 04, 06, 08; second: due 05-03, steps 05-04, 06, 08; unreachable: as first.
    const ofSecond = await list({ invoiceId: second.id });
    expect(ofSecond.map((o) => [o.localDate, o.invoiceIds])).toEqual([
      ['2026-05-08', [second.id]],
      ['2026-05-06', [second.id]],
      ['2026-05-04', [second.id]],
    ]);
    const skipped = await list({ status: OccurrenceStatus.OCCURRENCE_STATUS_SKIPPED });
    expect(skipped).toHaveLength(4);
    expect(skipped.every((o) => o.customerId === unreachable && o.reason === 'no_deliverable_contact')).toBe(true);
    expect(await list({ reason: 'no_deliverable_contact' })).toEqual(skipped);
    expect(await list({ reason: 'paused' })).toEqual([]);

    // Decided from the 4th (inclusive) to the 6th (exclusive): the cycles of the 4th and the 5th.
    const window = await list({
      decidedFrom: instant('2026-05-04T18:00:00Z'),
      decidedTo: instant('2026-05-06T18:00:00Z'),
      customerId: reachable,
    });
    expect(window.map((o) => o.localDate).sort()).toEqual(['2026-05-04', '2026-05-04']);

    // One job died: it shows as dead-lettered, and no longer as queued.
    const died = (await list({ invoiceId: first.id })).find((o) => o.localDate === '2026-05-04')!;
    await renderJobDied(tenantId, died.id);
    await waitFor(
      async () => (await list({ status: OccurrenceStatus.OCCURRENCE_STATUS_DEAD_LETTERED })).length === 1,
      'the dead letter to be recorded',
    );
    expect(await list({ status: OccurrenceStatus.OCCURRENCE_STATUS_DEAD_LETTERED })).toEqual([
      expect.objectContaining({ id: died.id, reason: 'template broke' }),
    ]);
    const queued = await list({ status: OccurrenceStatus.OCCURRENCE_STATUS_QUEUED });
    expect(queued).toHaveLength(6);
    expect(queued.map((o) => o.id)).not.toContain(died.id);

    // Pages within the filters, newest decision first, then by id; a token is only good for its filters.
    const filters = { customerId: reachable, ruleId: rule!.id, status: OccurrenceStatus.OCCURRENCE_STATUS_QUEUED };
    const pages: scheduler.Occurrence[][] = [];
    let pageToken = '';
    do {
      const page = await call(stack.scheduler.listOccurrences(query({ ...filters, pageSize: 4, pageToken }), auth));
      pages.push(page.occurrences);
      pageToken = page.nextPageToken;
      if (pageToken) {
        const other = await failure(
          stack.scheduler.listOccurrences(
            query({ ...filters, status: 'OCCURRENCE_STATUS_SKIPPED' as never, pageToken }),
            auth,
          ),
        );
        expect(readBadRequest(other)).toEqual([
          { field: 'page_token', description: 'was given for other filters: ask again from the first page' },
        ]);
      }
    } while (pageToken);
    expect(pages.map((p) => p.length)).toEqual([4, 2]);
    const order = pages.flat().map((o) => [Number(o.decidedAt!.seconds), o.id] as const);
    expect(order).toEqual(
      [...order].sort(([at1, id1], [at2, id2]) => at2 - at1 || (id2 > id1 ? 1 : id2 < id1 ? -1 : 0)),
    );
    expect(pages.flat().map((o) => o.id)).toEqual(queued.map((o) => o.id));

    // One by id, as listed; unknown or another tenant's is not found.
    expect((await call(stack.scheduler.getOccurrence({ occurrenceId: died.id }, auth))).occurrence).toEqual(
      (await list({ invoiceId: first.id })).find((o) => o.id === died.id),
    );
    const missing = await failure(stack.scheduler.getOccurrence({ occurrenceId: randomUUID() }, auth));
    expect(missing.code).toBe(status.NOT_FOUND);
    expect(readBadRequest(missing)).toEqual([{ field: 'occurrence_id', description: 'no such occurrence' }]);
    const other = await stack.tenant();
    expect((await failure(stack.scheduler.getOccurrence({ occurrenceId: died.id }, other.auth))).code).toBe(
      status.NOT_FOUND,
    );
    expect(
      (await call(stack.scheduler.listOccurrences(query({ invoiceId: first.id }), other.auth))).occurrences,
    ).toEqual([]);
  });

  it('names the field of each bad filter', async () => {
    const { auth } = await stack.tenant();
    const bad = async (request: Partial<scheduler.ListOccurrencesRequest>) => {
      const error = await failure(stack.scheduler.listOccurrences(query(request), auth));
      expect(error.code).toBe(status.INVALID_ARGUMENT);
      return readBadRequest(error);
    };
    expect(await bad({ invoiceId: 'F-1' })).toEqual([{ field: 'invoice_id', description: 'must be a UUID' }]);
    expect(await bad({ customerId: 'nadie' })).toEqual([{ field: 'customer_id', description: 'must be a UUID' }]);
    expect(await bad({ status: 99 as never })).toEqual([{ field: 'status', description: 'is not a known status' }]);
    expect(await bad({ reason: 'Sin Contacto!' })).toEqual([
      { field: 'reason', description: 'must be a reason as occurrences give it, e.g. no_deliverable_contact' },
    ]);
    expect(
      await bad({ decidedFrom: instant('2026-05-06T00:00:00Z'), decidedTo: instant('2026-05-06T00:00:00Z') }),
    ).toEqual([{ field: 'decided_to', description: 'must be after decided_from' }]);
    expect(await bad({ decidedFrom: { seconds: '0', nanos: -1 } })).toEqual([
      { field: 'decided_from.nanos', description: 'nanos must be 0 to 999999999' },
    ]);
    const id = await failure(stack.scheduler.getOccurrence({ occurrenceId: 'x' }, auth));
    expect(id.code).toBe(status.INVALID_ARGUMENT);
    expect(readBadRequest(id)).toEqual([{ field: 'occurrence_id', description: 'must be a UUID' }]);
  });
});
