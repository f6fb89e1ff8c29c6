import type { Rule } from '../rules/rule.entity';
import type { TargetDecision } from './target-decision';

/**
 * Which of a rule's decisions a cycle still has to record. A step that fired
 * before the rule's last completed cycle was decided then, unless its
 * invoice changed since. A step past its grace period (missed, or sent late
 * by the tenant's choice) is owed only when it fired — or its invoice was
 * entered into the ledger — after the rule started (less the grace period):
 * a rule's first cycle starts it, and what it finds already past the grace
 * period was never owed, so it is not recorded, then or later.
 */
export class RuleHorizon {
  private readonly since: number | undefined;
  private readonly owedFrom: number | undefined;

  constructor(rule: Rule, graceHours: number) {
    this.since = rule.decidedThrough?.getTime();
    this.owedFrom = rule.startedAt ? rule.startedAt.getTime() - graceHours * 3_600_000 : undefined;
  }

  admits(decision: TargetDecision, invoice?: { updatedAt: string; enteredAt: string }): boolean {
    const firedAt = Date.parse(decision.fireAt);
    if ((decision.status === 'missed' || decision.late) && !this.owed(firedAt, invoice?.enteredAt)) return false;
    if (this.since === undefined) return true;
    return firedAt > this.since || (invoice !== undefined && Date.parse(invoice.updatedAt) > this.since);
  }

  private owed(firedAt: number, enteredAt: string | undefined): boolean {
    if (this.owedFrom === undefined) return false;
    return firedAt >= this.owedFrom || (enteredAt !== undefined && Date.parse(enteredAt) >= this.owedFrom);
  }
}
