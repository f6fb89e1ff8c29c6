import { scheduler } from '@chasqui/contracts';
import type { Rule, RuleSchedule, StatementCadence } from '../rules/rule.entity';

const kinds: Record<Rule['kind'], scheduler.RuleKind> = {
  overdue: scheduler.RuleKind.RULE_KIND_OVERDUE,
  invoice_issued: scheduler.RuleKind.RULE_KIND_INVOICE_ISSUED,
  due_soon: scheduler.RuleKind.RULE_KIND_DUE_SOON,
  statement: scheduler.RuleKind.RULE_KIND_STATEMENT,
  account_closing: scheduler.RuleKind.RULE_KIND_ACCOUNT_CLOSING,
  account_closed: scheduler.RuleKind.RULE_KIND_ACCOUNT_CLOSED,
};

export const toRuleKindProto = (kind: Rule['kind']): scheduler.RuleKind => kinds[kind];

export function toRuleProto(rule: Rule): scheduler.Rule {
  return {
    id: rule.id,
    name: rule.name,
    kind: kinds[rule.kind],
    active: rule.active,
    sendHour: rule.sendHour,
    template: rule.template,
    audience: rule.audience,
    grouping:
      rule.grouping === 'per_customer'
        ? scheduler.Grouping.GROUPING_PER_CUSTOMER
        : scheduler.Grouping.GROUPING_PER_INVOICE,
    businessDaysOnly: rule.businessDaysOnly,
    ...scheduleProto(rule.schedule),
  };
}

function scheduleProto(schedule: RuleSchedule): Partial<scheduler.Rule> {
  switch (schedule.kind) {
    case 'overdue':
      return { overdue: { fromDays: schedule.fromDays, untilDays: schedule.untilDays, everyDays: schedule.everyDays } };
    case 'invoice_issued':
      return { invoiceIssued: {} };
    case 'due_soon':
      return { dueSoon: { daysBefore: schedule.daysBefore } };
    case 'statement':
      return {
        statement: {
          ...cadenceProto(schedule.cadence),
          documents:
            schedule.documents === 'overdue_only'
              ? scheduler.StatementDocuments.STATEMENT_DOCUMENTS_OVERDUE_ONLY
              : scheduler.StatementDocuments.STATEMENT_DOCUMENTS_ALL_OPEN,
        },
      };
    case 'account_closing':
      return { accountClosing: { daysBeforeLimit: schedule.daysBeforeLimit } };
    case 'account_closed':
      return { accountClosed: {} };
  }
}

function cadenceProto(cadence: StatementCadence): Partial<scheduler.StatementSchedule> {
  switch (cadence.every) {
    case 'week':
      return { weekly: { weekday: cadence.weekday } };
    case 'month':
      return { monthly: { day: cadence.day } };
    case 'interval':
      return { interval: { startDate: cadence.startDate, everyDays: cadence.everyDays } };
  }
}
