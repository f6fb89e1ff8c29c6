import { scheduler } from '@chasqui/contracts';
import { forecastRequest, occurrenceFilters } from './scheduling-options';

describe('occurrenceFilters', () => {
  it('maps the options to ListOccurrences filters; absent ones stay absent', () => {
    expect(occurrenceFilters('c-1', {})).toEqual({
      customerId: 'c-1',
      ruleId: '',
      invoiceId: undefined,
      status: undefined,
      reason: undefined,
      decidedFrom: undefined,
      decidedTo: undefined,
    });
    expect(
      occurrenceFilters(undefined, {
        rule: 'r-1',
        status: 'Awaiting_Approval',
        reason: 'paused',
        from: '2026-05-01T00:00:00Z',
        to: '2026-05-02T06:00:00-06:00',
      }),
    ).toEqual({
      customerId: '',
      ruleId: 'r-1',
      invoiceId: undefined,
      status: scheduler.OccurrenceStatus.OCCURRENCE_STATUS_AWAITING_APPROVAL,
      reason: 'paused',
      decidedFrom: { seconds: String(Date.parse('2026-05-01T00:00:00Z') / 1000), nanos: 0 },
      decidedTo: { seconds: String(Date.parse('2026-05-02T12:00:00Z') / 1000), nanos: 0 },
    });
  });

  it('refuses an unknown status and an instant without its zone', () => {
    expect(() => occurrenceFilters('c', { status: 'sent' })).toThrow('--status: must be one of queued, skipped');
    expect(() => occurrenceFilters('c', { from: '2026-05-01T10:00' })).toThrow(
      '--from: must be an instant with its zone',
    );
  });
});

describe('forecastRequest', () => {
  const today = new Date('2026-12-03T08:00:00Z');

  it('looks 30 days ahead from today unless told', () => {
    expect(forecastRequest('c-1', {}, today)).toEqual({
      customerId: 'c-1',
      invoiceId: '',
      fromDate: '2026-12-03',
      toDate: '2027-01-02',
    });
    expect(forecastRequest('c-1', { from: '2026-05-01', to: '2026-05-10', invoice: 'i-1' }, today)).toMatchObject({
      fromDate: '2026-05-01',
      toDate: '2026-05-10',
      invoiceId: 'i-1',
    });
  });

  it('refuses a window that ends before it starts, or a date that is not one', () => {
    expect(() => forecastRequest('c', { from: '2026-05-10', to: '2026-05-01' }, today)).toThrow(
      '--to: must not be before --from',
    );
    expect(() => forecastRequest('c', { from: '2026-02-29' }, today)).toThrow('--from: must be a date, YYYY-MM-DD');
  });
});
