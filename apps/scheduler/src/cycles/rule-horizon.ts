import type { Rule } from '../rules/rule.entity';
import type { TargetDecision } from './target-decision';

/**
 * Which of a rule's decisions a cycle still has to record. A step that fired
 * before the rule's last completed cycle was decided then, unless its
 * invoice changed since. A rule's first cycle starts it: a step it finds
 * past the grace period fired before the rule ever ran — never owed, so not
 * recorded as missed, then or later.
 */
export class RuleHorizon {
  private readonly since: number | undefined;
  private readonly owedFrom: number | undefined;

  constructor(rule: Rule, graceHours: number) {
    this.since = rule.decidedThrough?.getTime();
    this.owedFrom = rule.startedAt ? rule.startedAt.getTime() - graceHours * 3_600_000 : undefined;
  }

  admits(decision: TargetDecision, changedAt?: string): boolean {
    const firedAt = Date.parse(decision.fireAt);
    if (decision.status === 'missed' && (this.owedFrom === undefined || firedAt < this.owedFrom)) return false;
    if (this.since === undefined) return true;
    return firedAt > this.since || (changedAt !== undefined && Date.parse(changedAt) > this.since);
  }
}
