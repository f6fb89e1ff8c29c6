import type { scheduler } from '@chasqui/contracts';

/** A rule's whole definition as UpdateRule takes it, from the rule as ListRules answers it. */
export function definitionOf(rule: scheduler.Rule): scheduler.CreateRuleRequest {
  return {
    name: rule.name,
    sendHour: rule.sendHour,
    template: rule.template,
    audience: rule.audience,
    grouping: rule.grouping,
    businessDaysOnly: rule.businessDaysOnly,
    active: rule.active,
    overdue: rule.overdue,
    invoiceIssued: rule.invoiceIssued,
    dueSoon: rule.dueSoon,
    statement: rule.statement,
    accountClosing: rule.accountClosing,
    accountClosed: rule.accountClosed,
  };
}

/** The schedule in a few words: "overdue +1d every 7d until +60d", "statement monthly on 1". */
export function describeSchedule(rule: scheduler.Rule): string {
  if (rule.overdue) {
    const { fromDays, everyDays, untilDays } = rule.overdue;
    return [
      `overdue +${fromDays}d`,
      everyDays === undefined ? 'once' : `every ${everyDays}d`,
      untilDays === undefined ? '' : `until +${untilDays}d`,
    ]
      .filter(Boolean)
      .join(' ');
  }
  if (rule.dueSoon) return `${rule.dueSoon.daysBefore}d before due`;
  if (rule.invoiceIssued) return 'when issued';
  if (rule.statement) {
    const { weekly, monthly, interval } = rule.statement;
    if (weekly) return `statement weekly on day ${weekly.weekday}`;
    if (monthly) return `statement monthly on day ${monthly.day}`;
    if (interval) return `statement every ${interval.everyDays}d from ${interval.startDate}`;
    return 'statement';
  }
  if (rule.accountClosing) return `${rule.accountClosing.daysBeforeLimit}d before the delinquency limit`;
  if (rule.accountClosed) return 'at the delinquency limit';
  return '';
}
