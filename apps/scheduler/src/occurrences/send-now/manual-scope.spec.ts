import type { RuleSchedule } from '../../rules/rule.entity';
import { manualScope, type OpenInvoice } from './manual-scope';

const TODAY = '2026-06-10';
const invoice = (invoiceId: string, dueDate: string, documentsReady = true): OpenInvoice => ({
  invoiceId,
  dueDate,
  documentsReady,
});
const past = invoice('past', '2026-06-01');
const today = invoice('today', TODAY);
const later = invoice('later', '2026-06-20');
const open = [past, today, later];

const schedules: Record<string, RuleSchedule> = {
  overdue: { kind: 'overdue', fromDays: 1 },
  dueSoon: { kind: 'due_soon', daysBefore: 3 },
  issued: { kind: 'invoice_issued' },
  allOpen: { kind: 'statement', cadence: { every: 'week', weekday: 1 }, documents: 'all_open' },
  overdueOnly: { kind: 'statement', cadence: { every: 'week', weekday: 1 }, documents: 'overdue_only' },
  closing: { kind: 'account_closing', daysBeforeLimit: 5 },
  closed: { kind: 'account_closed' },
};
const scope = (schedule: keyof typeof schedules, invoices = open, asked: string[] = []) =>
  manualScope({ schedule: schedules[schedule] }, invoices, TODAY, asked);

describe('what a reminder sent now is about', () => {
  it.each([
    ['overdue', ['past']],
    ['closing', ['past']],
    ['closed', ['past']],
    ['overdueOnly', ['past']],
    ['allOpen', ['past', 'today', 'later']],
    ['dueSoon', ['today', 'later']],
    ['issued', ['today', 'later']],
  ] as const)('a %s reminder: %j', (schedule, expected) => {
    expect(scope(schedule)).toEqual({ invoiceIds: expected });
  });

  it('the invoices asked for, whatever the kind would pick', () => {
    expect(scope('overdue', open, ['later', 'today'])).toEqual({ invoiceIds: ['today', 'later'] });
    expect(scope('dueSoon', open, ['past'])).toEqual({ invoiceIds: ['past'] });
  });

  it('nothing in scope is a skip with its reason', () => {
    expect(scope('overdue', [])).toEqual({ skip: 'nothing_to_collect' });
    expect(scope('allOpen', [])).toEqual({ skip: 'nothing_to_collect' });
    expect(scope('overdue', [later])).toEqual({ skip: 'no_overdue_documents' });
    expect(scope('overdueOnly', [today])).toEqual({ skip: 'no_overdue_documents' });
    expect(scope('closed', [later])).toEqual({ skip: 'no_overdue_documents' });
    expect(scope('dueSoon', [past])).toEqual({ skip: 'no_documents_due' });
  });

  it('invoice reminders leave out invoices whose required documents have not arrived; statements do not', () => {
    const waiting = invoice('waiting', '2026-06-02', false);
    expect(scope('overdue', [past, waiting])).toEqual({ invoiceIds: ['past'] });
    expect(scope('overdue', [waiting])).toEqual({ skip: 'documents_pending' });
    expect(scope('overdueOnly', [waiting])).toEqual({ invoiceIds: ['waiting'] });
    expect(scope('closed', [waiting])).toEqual({ invoiceIds: ['waiting'] });
  });
});
