/** What became of a queued occurrence downstream, as the renderer and delivery reported it. */
export type DeliveryOutcome = 'sent' | 'unknown' | 'dead_lettered' | 'failed' | 'suppressed';

export interface OutcomeReport {
  outcome: DeliveryOutcome;
  /** Why, for a dead letter (the consumer's words); the SMTP answer otherwise. */
  reason: string;
  at: Date;
}

/** Later ends outrank earlier ones; `failed` and `suppressed` are ends delivery reaches without sending. */
const RANK: Record<DeliveryOutcome, number> = { dead_lettered: 1, unknown: 2, failed: 3, suppressed: 3, sent: 4 };

/**
 * Whether a report replaces what the occurrence says now. Reports arrive in
 * any order and more than once; an outcome only moves forward: a dead letter
 * replayed and then sent says `sent`, a late duplicate of the dead letter
 * cannot take that back. The same outcome again keeps the earlier report.
 */
export function supersedes(
  report: OutcomeReport,
  current: { outcome: DeliveryOutcome | null; at: Date | null },
): boolean {
  if (!current.outcome) return true;
  const [incoming, now] = [RANK[report.outcome], RANK[current.outcome]];
  if (incoming !== now) return incoming > now;
  // A job dead again after a replay: the newer death and its reason.
  return report.outcome === 'dead_lettered' && current.at !== null && report.at > current.at;
}
