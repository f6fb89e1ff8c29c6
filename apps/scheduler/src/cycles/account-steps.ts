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
 * its delinquency limit / reaches it. The step is known by its episode
 * (`episodeStart`, its first overdue day, see DelinquencyRepository), so an
 * episode never fires twice — not even when its oldest invoice is paid and a
 * younger one, still overdue, reaches the same point later — and only a new
 * episode, after a day with nothing overdue, fires again. Customers without a
 * limit have no account notices.
 */
export function decideAccount(
  rule: AccountRule,
  account: CustomerAccount,
  episodeStart: string | undefined,
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
  const overdue = account.invoices.filter((invoice) => invoice.dueDate < date).map((invoice) => invoice.invoiceId);
  const skip = policy.skipReason(rule, account, date);
  // A notice due on the due date itself (W at or past the limit) comes before any overdue day.
  const episode = episodeStart ?? anchor.add({ days: 1 }).toString();
  return { ...verdict(rule, account.customerId, 'account', decided, overdue, account, skip), day: episode };
}
