/** Where a failed delivery goes next: the next retry tier, or the dead-letter queue. */
export type NextStep =
  { kind: 'retry'; queue: string; attempt: number } | { kind: 'dead'; queue: string; attempt: number };

/**
 * Named by their delay, not their position: a queue's TTL cannot change once
 * declared, so a new delay gets a new queue instead of a refused declaration.
 */
export const retryQueueName = (queue: string, delayMs: number): string => `${queue}.retry.${delayMs}ms`;
export const deadQueueName = (queue: string): string => `${queue}.dead`;

/**
 * `attempt` is the attempt that just failed (0 the first time); the returned
 * attempt is the number of failed attempts so far, carried in x-attempt.
 * Tier i holds the message retryDelaysMs[i] before it flows back.
 */
export function nextStep(queue: string, retryDelaysMs: number[], attempt: number): NextStep {
  if (attempt < retryDelaysMs.length) {
    return { kind: 'retry', queue: retryQueueName(queue, retryDelaysMs[attempt]), attempt: attempt + 1 };
  }
  return deadLetter(queue, attempt);
}

/**
 * Where a transient failure waits (a message that cannot be taken *yet*):
 * the tiers in turn, then the longest again and again — its own count, so
 * waiting never uses up the attempts meant for poison messages. The caller
 * stops it at the retry horizon.
 */
export function transientStep(queue: string, retryDelaysMs: number[], transientAttempt: number): NextStep {
  if (retryDelaysMs.length === 0) return deadLetter(queue, transientAttempt);
  const tier = Math.min(transientAttempt, retryDelaysMs.length - 1);
  return { kind: 'retry', queue: retryQueueName(queue, retryDelaysMs[tier]), attempt: transientAttempt + 1 };
}

/** Straight to Q.dead: for what no retry can fix, such as a body that does not decode. */
export function deadLetter(queue: string, attempt: number): NextStep {
  return { kind: 'dead', queue: deadQueueName(queue), attempt: attempt + 1 };
}

/** The x-attempt header as a count; anything unreadable counts as a first attempt. */
export function attemptOf(header: unknown): number {
  const value = typeof header === 'string' ? Number(header) : header;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}
