import type { Temporal } from '@js-temporal/polyfill';
import type { StepDecision } from '../calendar/decide-step';
import type { Rule } from '../rules/rule.entity';

export type OccurrenceStatus = 'queued' | 'missed' | 'skipped';

/** What a rule decided for one target (an invoice, or a customer's statement) at one step. */
export interface TargetDecision {
  ruleId: string;
  ruleKind: Rule['kind'];
  customerId: string;
  /** An invoice id, or "statement". */
  target: string;
  step: number;
  fireAt: Temporal.Instant;
  localDate: string;
  /** The invoices the reminder is about (for a statement: the documents in its scope). */
  invoiceIds: string[];
  status: OccurrenceStatus;
  reason: string | null;
}

/** What the ledger says about the customer when the step is decided. */
export interface CustomerFacts {
  hasDeliverableContact: boolean;
}

/**
 * The verdict on a step that fired (ARCHITECTURE §5a, eligibility): missed
 * past the grace period, skipped with its reason, else queued.
 */
export function verdict(
  rule: Rule,
  customerId: string,
  target: string,
  decision: StepDecision,
  invoiceIds: string[],
  facts: CustomerFacts,
  skip?: string,
): TargetDecision {
  const [status, reason]: [OccurrenceStatus, string | null] = decision.missed
    ? ['missed', 'past_grace_period']
    : skip
      ? ['skipped', skip]
      : !facts.hasDeliverableContact
        ? ['skipped', 'no_deliverable_contact']
        : ['queued', null];
  return {
    ruleId: rule.id,
    ruleKind: rule.kind,
    customerId,
    target,
    step: decision.step,
    fireAt: decision.fireAt,
    localDate: decision.localDate.toString(),
    invoiceIds,
    status,
    reason,
  };
}
