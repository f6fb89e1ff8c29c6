import { Temporal } from '@js-temporal/polyfill';
import type { receivables } from '@chasqui/contracts';
import { BusinessDays } from '../calendar/business-days';
import { stepSeries, type Schedule } from '../calendar/schedule';
import { StepCalendar } from '../calendar/step-calendar';
import type { PolicyBook } from '../policy/policy-book';
import type { Rule, RuleSchedule } from '../rules/rule.entity';
import { verdict, type StepMemo, type TargetDecision } from './target-decision';

type StatementSchedule = Extract<RuleSchedule, { kind: 'statement' }>;
export type StatementRule = Rule & { schedule: StatementSchedule };

export function isStatementRule(rule: Rule): rule is StatementRule {
  return rule.schedule.kind === 'statement';
}

/** One customer's collectible invoices, as statement and account passes gather them. */
export interface CustomerAccount {
  customerId: string;
  name: string;
  taxId: string;
  timeZone: string;
  country: string;
  hasDeliverableContact: boolean;
  /** The roles of its contacts that receive reminders and are deliverable. */
  reminderContactRoles: string[];
  /** Days; 0: none. */
  delinquencyLimitDays: number;
  /** In due-date order, as the collectible stream comes. */
  invoices: { invoiceId: string; dueDate: string }[];
}

/** Folds the collectible stream (ordered by due date) into accounts, one per customer. */
export function addToAccounts(accounts: Map<string, CustomerAccount>, item: receivables.Collectible) {
  let account = accounts.get(item.customerId);
  if (!account) {
    account = {
      customerId: item.customerId,
      name: item.customerName,
      taxId: item.customerTaxId,
      timeZone: item.timeZone,
      country: item.country,
      hasDeliverableContact: item.hasDeliverableContact,
      reminderContactRoles: item.reminderContactRoles,
      delinquencyLimitDays: item.delinquencyLimitDays,
      invoices: [],
    };
    accounts.set(item.customerId, account);
  }
  account.invoices.push({ invoiceId: item.invoiceId, dueDate: item.dueDate });
}

function calendarSchedule(schedule: StatementSchedule): Schedule {
  const cadence = schedule.cadence;
  switch (cadence.every) {
    case 'week':
      return { kind: 'statement_weekly', weekday: cadence.weekday };
    case 'month':
      return { kind: 'statement_monthly', day: cadence.day };
    case 'interval':
      return {
        kind: 'statement_interval',
        start: Temporal.PlainDate.from(cadence.startDate),
        everyDays: cadence.everyDays,
      };
  }
}

/** The customer's statement calendar: its own zone, the tenant's country's business days. */
export function statementCalendar(rule: StatementRule, account: { timeZone: string; country: string }) {
  const series = stepSeries(calendarSchedule(rule.schedule), Temporal.PlainDate.from('1970-01-01'));
  const businessDays = rule.businessDaysOnly ? BusinessDays.of(account.country) : undefined;
  return new StepCalendar(series, rule.sendHour, account.timeZone, businessDays);
}

/**
 * The statements a rule decides for one customer at `now`; pure: the latest
 * fired step, and, missed, the ones before it that fired while no cycle ran.
 * Its documents are the open ones, or only those overdue on the statement's
 * date; with none in scope the step is skipped, with that reason.
 */
export function decideStatement(
  rule: StatementRule,
  account: CustomerAccount,
  now: Temporal.Instant,
  graceHours: number,
  policy: PolicyBook,
  memo: StepMemo,
): TargetDecision[] {
  if (!policy.applies(rule, account.customerId)) return [];
  const key = `${account.timeZone}|${rule.businessDaysOnly ? account.country : ''}`;
  const { latest, older } = memo.steps(key, () => statementCalendar(rule, account), {
    now,
    graceHours,
    since: rule.decidedThrough,
  });
  if (!latest) return [];
  return [...older, latest].map((decided) => {
    const date = decided.localDate;
    const inScope = account.invoices.filter(
      (invoice) => rule.schedule.documents === 'all_open' || invoice.dueDate < date,
    );
    const skip = policy.skipReason(rule, account, date) ?? (inScope.length === 0 ? 'no_overdue_documents' : undefined);
    return verdict(
      rule,
      account.customerId,
      'statement',
      decided,
      inScope.map((i) => i.invoiceId),
      account,
      skip,
    );
  });
}
