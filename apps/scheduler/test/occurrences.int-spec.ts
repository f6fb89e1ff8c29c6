import { status } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { readBadRequest } from '@chasqui/grpc';
import { firstValueFrom } from 'rxjs';
import { days, instant, Ledger } from './support/ledger';
import { failure } from './support/calls';
import { SchedulerStack } from './support/scheduler-stack';

jest.setTimeout(120_000);

const { OccurrenceStatus } = scheduler;

describe('ListOccurrences: what was decided, with its reason', () => {
  const stack = new SchedulerStack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('pages through every decision, newest first, filtered by customer; another tenant sees none', async () => {
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

    const other = await stack.tenant();
    const foreign = await firstValueFrom(
      stack.scheduler.listOccurrences({ customerId: reachable, ruleId: '', pageSize: 0, pageToken: '' }, other.auth),
    );
    expect(foreign.occurrences).toEqual([]);
  });

  it('refuses a page token it did not give, and a page larger than 1000, naming the field', async () => {
    const { auth } = await stack.tenant();
    const token = await failure(
      stack.scheduler.listOccurrences({ customerId: '', ruleId: '', pageSize: 10, pageToken: 'bm9wZQ' }, auth),
    );
    expect(token.code).toBe(status.INVALID_ARGUMENT);
    expect(readBadRequest(token)).toEqual([{ field: 'page_token', description: 'is not a token this service gave' }]);
    const size = await failure(
      stack.scheduler.listOccurrences({ customerId: '', ruleId: '', pageSize: 5000, pageToken: '' }, auth),
    );
    expect(readBadRequest(size)).toEqual([{ field: 'page_size', description: 'must be at most 1000' }]);
  });
});
