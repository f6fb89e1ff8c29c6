import { reachesCustomer } from '@chasqui/audience';
import { Temporal } from '@js-temporal/polyfill';
import { decideStep, missedSince, type StepDecision } from '../calendar/decide-step';
import type { StepCalendar } from '../calendar/step-calendar';
import type { Rule } from '../rules/rule.entity';

export type OccurrenceStatus = 'queued' | 'missed' | 'skipped';

/** What a rule decided for one target (an invoice, or a customer's statement) at one step. */
export interface TargetDecision {
  ruleId: string;
  ruleKind: Rule['kind'];
  customerId: string;
  /** An invoice id, or "statement". */
  target: string;
  /** The k-th firing of the rule for the target (shown, and carried by the render job). */
  step: number;
  /**
   * What makes the step itself, claimed once per (rule, customer, target): the local day it
   * fires on — a due date moved later gives new days, and a day already decided is never
   * decided again — or, for an account notice, the first day of its delinquency episode.
   */
  day: string;
  /** ISO instant. */
  fireAt: string;
  /** YYYY-MM-DD in the customer's zone. */
  localDate: string;
  /** The invoices the reminder is about (for a statement: the documents in its scope). */
  invoiceIds: string[];
  /** Past its grace period and sent all the same, by the tenant's choice (a late issue notice). */
  late: boolean;
  status: OccurrenceStatus;
  reason: string | null;
}

/** A decided step in the plain strings stored and sent (computed once, shared by many targets). */
export interface DecidedStep {
  step: number;
  missed: boolean;
  /** Past its grace period, to be sent all the same (never set with `missed`). */
  late?: boolean;
  fireAt: string;
  localDate: string;
}

export function decidedStep(decision: StepDecision): DecidedStep {
  return {
    step: decision.step,
    missed: decision.missed,
    fireAt: decision.fireAt.toString(),
    localDate: decision.localDate.toString(),
  };
}

/** A target's steps at one instant: the latest that fired, and the older ones no cycle decided (missed). */
export interface FiredSteps {
  latest?: DecidedStep;
  older: DecidedStep[];
}

/**
 * Decided steps by what they depend on (anchor date, zone, country): many
 * targets share them, and each is worked out once per cycle.
 */
export class StepMemo {
  private readonly known = new Map<string, DecidedStep | undefined>();
  private readonly fired = new Map<string, FiredSteps>();

  get(key: string, decide: () => StepDecision | undefined): DecidedStep | undefined {
    if (!this.known.has(key)) {
      const decision = decide();
      this.known.set(key, decision && decidedStep(decision));
    }
    return this.known.get(key);
  }

  /**
   * The latest step of `calendar` fired by `now` (catch-up, ARCHITECTURE
   * §5a), and the steps before it that fired after the rule's last completed
   * cycle `since`: those are recorded as missed, never sent.
   */
  steps(
    key: string,
    calendar: () => StepCalendar,
    at: { now: Temporal.Instant; graceHours: number; since: Date | null },
  ): FiredSteps {
    let steps = this.fired.get(key);
    if (!steps) {
      const cal = calendar();
      const latest = decideStep(cal, at.now, at.graceHours);
      const since = at.since && Temporal.Instant.fromEpochMilliseconds(at.since.getTime());
      const older = latest && since ? missedSince(cal, since, latest) : [];
      steps = { latest: latest && decidedStep(latest), older: older.map(decidedStep) };
      this.fired.set(key, steps);
    }
    return steps;
  }
}

/** What the ledger says about the customer when the step is decided. */
export interface CustomerFacts {
  hasDeliverableContact: boolean;
  /** The roles of its contacts that receive reminders and are deliverable. */
  reminderContactRoles: string[];
}

/**
 * The verdict on a step that fired (ARCHITECTURE §5a, eligibility): missed
 * past the grace period, skipped with its reason — among them a customer
 * none of whose deliverable contacts is of a role the rule's audience names —
 * else queued.
 */
export function verdict(
  rule: Rule,
  customerId: string,
  target: string,
  decision: DecidedStep,
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
        : !reachesCustomer(rule.audience, facts.reminderContactRoles)
          ? ['skipped', 'no_contact_in_audience']
          : ['queued', null];
  return {
    ruleId: rule.id,
    ruleKind: rule.kind,
    customerId,
    target,
    step: decision.step,
    day: decision.localDate,
    fireAt: decision.fireAt,
    localDate: decision.localDate,
    invoiceIds,
    late: decision.late === true,
    status,
    reason,
  };
}
