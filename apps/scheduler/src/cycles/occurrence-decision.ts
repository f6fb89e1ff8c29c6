import type { Temporal } from '@js-temporal/polyfill';
import type { receivables } from '@chasqui/contracts';
import { decideStep } from '../calendar/decide-step';
import type { Rule } from '../rules/rule.entity';
import { invoiceCalendar, isInvoiceRule } from './invoice-steps';

export type OccurrenceStatus = 'queued' | 'missed' | 'skipped';

export interface OccurrenceDecision {
  ruleId: string;
  ruleKind: Rule['kind'];
  customerId: string;
  /** The invoice the reminder is about. */
  target: string;
  step: number;
  fireAt: Temporal.Instant;
  localDate: string;
  status: OccurrenceStatus;
  reason: string | null;
}

/** What one rule decides for one collectible invoice at `now`; pure. */
export function decideOccurrence(
  rule: Rule,
  item: receivables.ListCollectiblesResponse,
  now: Temporal.Instant,
  graceHours: number,
): OccurrenceDecision | undefined {
  if (!isInvoiceRule(rule)) return undefined;
  const decision = decideStep(invoiceCalendar(rule, item), now, graceHours);
  if (!decision) return undefined;
  const [status, reason]: [OccurrenceStatus, string | null] = decision.missed
    ? ['missed', 'past_grace_period']
    : !item.hasDeliverableContact
      ? ['skipped', 'no_deliverable_contact']
      : ['queued', null];
  return {
    ruleId: rule.id,
    ruleKind: rule.kind,
    customerId: item.customerId,
    target: item.invoiceId,
    step: decision.step,
    fireAt: decision.fireAt,
    localDate: decision.localDate.toString(),
    status,
    reason,
  };
}
