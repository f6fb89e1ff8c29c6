import { v7 as timeOrderedUuid } from 'uuid';
import type { Rule } from '../rules/rule.entity';
import type { TargetDecision } from './target-decision';

// Occurrence ids are time-ordered: a cycle writes hundreds of thousands, each at the right
// edge of the primary key instead of on a random page of it.

/** One email to be (or not to be) sent: one or more decided steps of one rule for one customer. */
export interface OccurrencePlan {
  id: string;
  decisions: TargetDecision[];
}

/**
 * Per invoice, every decision is its own occurrence. Per customer, the
 * invoice steps of one rule that fire for one customer on one day, with the
 * same verdict, become one occurrence listing them all (ARCHITECTURE §5a).
 */
export function planOccurrences(grouping: Rule['grouping'], decisions: TargetDecision[]): OccurrencePlan[] {
  if (grouping === 'per_invoice') return decisions.map(ownOccurrence);
  const groups = new Map<string, TargetDecision[]>();
  for (const d of decisions) {
    const key = [d.customerId, d.localDate, d.status, d.reason].join('/');
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  return [...groups.values()].map((group) => ({ id: timeOrderedUuid(), decisions: group }));
}

/** A decision that is an occurrence by itself (per-invoice grouping). */
export function ownOccurrence(decision: TargetDecision): OccurrencePlan {
  return { id: timeOrderedUuid(), decisions: [decision] };
}
