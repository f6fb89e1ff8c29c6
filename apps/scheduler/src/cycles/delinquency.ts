import { Temporal } from '@js-temporal/polyfill';
import type { CustomerAccount } from './statement-steps';

/**
 * The first day of the account's delinquency as the ledger shows it at `now`:
 * the day after its oldest overdue invoice's due date, in the customer's zone;
 * undefined when nothing is overdue (an episode ends then, ARCHITECTURE §5a).
 * The invoices come in due-date order, so the oldest is the first.
 */
export function overdueSince(account: CustomerAccount, now: Temporal.Instant): string | undefined {
  const oldest = account.invoices[0];
  if (!oldest) return undefined;
  const today = now.toZonedDateTimeISO(account.timeZone).toPlainDate().toString();
  if (oldest.dueDate >= today) return undefined;
  return Temporal.PlainDate.from(oldest.dueDate).add({ days: 1 }).toString();
}

/** Each overdue customer's first day of delinquency as the ledger shows it now. */
export function overdueAccounts(accounts: Iterable<CustomerAccount>, now: Temporal.Instant): Map<string, string> {
  const overdue = new Map<string, string>();
  for (const account of accounts) {
    const since = overdueSince(account, now);
    if (since) overdue.set(account.customerId, since);
  }
  return overdue;
}
