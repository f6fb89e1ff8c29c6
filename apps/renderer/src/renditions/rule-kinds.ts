import type { scheduler } from '@chasqui/contracts';
import type { ReminderKind } from '../reminder/templates';

/** The email a rule kind calls for (a job of an unknown kind, from a newer scheduler, reads as overdue). */
const REMINDER_KINDS: Record<scheduler.RuleKind, ReminderKind> = {
  RULE_KIND_UNSPECIFIED: 'overdue',
  RULE_KIND_OVERDUE: 'overdue',
  RULE_KIND_DUE_SOON: 'due_soon',
  RULE_KIND_INVOICE_ISSUED: 'invoice_issued',
  RULE_KIND_STATEMENT: 'statement',
  RULE_KIND_ACCOUNT_CLOSING: 'account_closing',
  RULE_KIND_ACCOUNT_CLOSED: 'account_closed',
};

export const reminderKindOfRule = (kind: scheduler.RuleKind): ReminderKind => REMINDER_KINDS[kind] ?? 'overdue';
