import { Temporal } from '@js-temporal/polyfill';
import { overdueAccounts, overdueSince } from './delinquency';
import type { CustomerAccount } from './statement-steps';

const account = (dueDates: string[], timeZone = 'America/Mexico_City'): CustomerAccount => ({
  customerId: `c-${dueDates.join('-')}`,
  name: 'Cliente',
  taxId: '',
  timeZone,
  country: 'MX',
  hasDeliverableContact: true,
  reminderContactRoles: ['finanzas'],
  delinquencyLimitDays: 60,
  invoices: dueDates.map((dueDate, i) => ({ invoiceId: `i${i}`, dueDate })),
});

describe('overdueSince: the first day of a delinquency as the ledger shows it', () => {
  const noon = Temporal.Instant.from('2026-03-01T18:00:00Z');

  it('is the day after the oldest overdue invoice was due', () => {
    expect(overdueSince(account(['2026-01-10', '2026-01-25']), noon)).toBe('2026-01-11');
  });

  it('is nothing when no invoice is past its due date (due today is not overdue)', () => {
    expect(overdueSince(account(['2026-03-01', '2026-04-01']), noon)).toBeUndefined();
    expect(overdueSince(account([]), noon)).toBeUndefined();
  });

  it('reads today in the customer’s zone', () => {
    // 2026-03-02T02:00Z is still March 1st in Mexico City, already March 2nd in Madrid.
    const lateEvening = Temporal.Instant.from('2026-03-02T02:00:00Z');
    expect(overdueSince(account(['2026-03-01']), lateEvening)).toBeUndefined();
    expect(overdueSince(account(['2026-03-01'], 'Europe/Madrid'), lateEvening)).toBe('2026-03-02');
  });

  it('overdueAccounts keeps only the customers with something overdue', () => {
    const late = account(['2026-02-01']);
    const onTime = account(['2026-03-15']);
    expect(overdueAccounts([late, onTime], noon)).toEqual(new Map([[late.customerId, '2026-02-02']]));
  });
});
