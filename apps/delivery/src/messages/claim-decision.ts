import type { Message } from './message.entity';

/**
 * What a send job finds when it comes for its occurrence's message:
 * - `send`: nothing was sent yet (new, deferred, dead-lettered and replayed,
 *   or a claim that died before the final dot): take it to SMTP now;
 * - `done`: it reached an end (sent, failed, unknown, suppressed) — nothing to do;
 * - `busy`: another process holds it on a connection right now;
 * - `unknown`: a claim died after the final dot was about to go out; the
 *   server may have it, so it is never resent blindly.
 */
export type ClaimDecision = 'send' | 'done' | 'busy' | 'unknown';

export function decideClaim(
  message: Pick<Message, 'status' | 'leaseUntil' | 'finalDotAt'> | undefined,
  now: Date,
): ClaimDecision {
  if (!message) return 'send';
  switch (message.status) {
    case 'sent':
    case 'failed':
    case 'unknown':
    case 'suppressed':
      return 'done';
    case 'deferred':
    case 'dead_lettered':
      return 'send';
    case 'sending':
      if (message.leaseUntil && message.leaseUntil > now) return 'busy';
      return message.finalDotAt ? 'unknown' : 'send';
  }
}
