import { listOccurrencesCommand, nextPageToken } from './list-occurrences.command';

const request = {
  tenantId: 't',
  customerId: '',
  ruleId: '',
  pageSize: 0,
  pageToken: '',
};
const row = { cursor: '2026-05-04 18:00:00.123456+00', id: '0190a8d4-0000-7000-8000-000000000001' };

describe('ListOccurrences requests', () => {
  it('reads what it wrote: a token resumes after its row, under the same filters', () => {
    const first = listOccurrencesCommand.parse({ ...request, reason: 'paused' });
    const { tenantId: _tenant, pageSize: _size, after: _after, ...filters } = first;
    const next = listOccurrencesCommand.parse({ ...request, reason: 'paused', pageToken: nextPageToken(row, filters) });
    expect(next.after).toEqual({ decidedAt: row.cursor, id: row.id });
    expect(next.pageSize).toBe(100);
  });

  it('refuses a token given under other filters, and one it never gave', () => {
    const { tenantId: _tenant, pageSize: _size, after: _after, ...filters } = listOccurrencesCommand.parse(request);
    const token = nextPageToken(row, filters);
    const other = listOccurrencesCommand.safeParse({ ...request, reason: 'paused', pageToken: token });
    expect(other.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['pageToken'], 'was given for other filters: ask again from the first page'],
    ]);
    const forged = listOccurrencesCommand.safeParse({ ...request, pageToken: 'bm9wZQ' });
    expect(forged.error?.issues.map((i) => i.message)).toEqual(['is not a token this service gave']);
  });

  it('takes absent filters as none, and unspecified status as any', () => {
    const command = listOccurrencesCommand.parse({ ...request, status: 'OCCURRENCE_STATUS_UNSPECIFIED' });
    expect(command).toMatchObject({ invoiceId: null, status: null, reason: null, decidedFrom: null, decidedTo: null });
    expect(listOccurrencesCommand.parse({ ...request, status: 'OCCURRENCE_STATUS_DEAD_LETTERED' }).status).toBe(
      'dead_lettered',
    );
  });
});
