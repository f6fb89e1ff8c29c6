import { Temporal } from '@js-temporal/polyfill';
import { BusinessDays } from '../calendar/business-days';
import { decideStep } from '../calendar/decide-step';
import { stepSeries } from '../calendar/schedule';
import { StepCalendar } from '../calendar/step-calendar';
import type { PolicyBook } from '../policy/policy-book';
import type { Rule, RuleSchedule } from '../rules/rule.entity';
import type { CustomerAccount } from './statement-steps';
import { verdict, type StepMemo, type TargetDecision } from './target-decision';

type AccountSchedule = Extract<RuleSchedule, { kind: 'account_closing' | 'account_closed' }>;
export type AccountRule = Rule & { schedule: AccountSchedule };

export function isAccountRule(rule: Rule): rule is AccountRule {
  return rule.schedule.kind === 'account_closing' || rule.schedule.kind === 'account_closed';
}

const EPOCH = Temporal.PlainDate.from('1970-01-01');

/** The day the oldest overdue (due on `anchor`) is W days from the limit, or reaches it. */
export function accountCalendar(
  rule: AccountRule,
  account: { timeZone: string; country: string },
  anchor: Temporal.PlainDate,
  limitDays: number,
): StepCalendar {
  const daysBefore = rule.schedule.kind === 'account_closing' ? rule.schedule.daysBeforeLimit : 0;
  const series = stepSeries({ kind: 'overdue', fromDays: Math.max(0, limitDays - daysBefore) }, anchor);
  const businessDays = rule.businessDaysOnly ? BusinessDays.of(account.country) : undefined;
  return new StepCalendar(series, rule.sendHour, account.timeZone, businessDays);
}

/**
 * account_closing(W) / account_closed (ARCHITECTURE §5a): once per delinquency
 * episode, on the day the customer's oldest overdue invoice is W days from
 * its delinquency limit / reaches it. The episode is known by that invoice's
 * due date (the step is its day number), so the same episode never fires
 * twice and a new oldest overdue starts a new one. Customers without a limit
 * have no account notices.
 */
export function decideAccount(
  rule: AccountRule,
  account: CustomerAccount,
  now: Temporal.Instant,
  graceHours: number,
  policy: PolicyBook,
  memo: StepMemo,
): TargetDecision | undefined {
  const limit = account.delinquencyLimitDays;
  const oldest = account.invoices[0];
  if (!limit || !oldest || !policy.applies(rule, account.customerId)) return undefined;
  const anchor = Temporal.PlainDate.from(oldest.dueDate);
  const key = `${oldest.dueDate}|${account.timeZone}|${rule.businessDaysOnly ? account.country : ''}`;
  const decided = memo.get(key, () => decideStep(accountCalendar(rule, account, anchor, limit), now, graceHours));
  if (!decided) return undefined;
  const date = decided.localDate;
  const episode = { ...decided, step: EPOCH.until(anchor, { largestUnit: 'days' }).days };
  const overdue = account.invoices.filter((invoice) => invoice.dueDate < date).map((invoice) => invoice.invoiceId);
  const skip = policy.skipReason(rule, account, date);
  return verdict(rule, account.customerId, 'account', episode, overdue, account, skip);
}
