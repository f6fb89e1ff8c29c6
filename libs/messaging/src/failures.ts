import { isConnectionLost } from '@chasqui/persistence';

/** What no retry can fix (bad content, not found, invalid): dead-lettered at once, with this reason. */
export class PermanentFailure extends Error {
  override readonly name = 'PermanentFailure';
}

/**
 * A dependency is down or busy, or the message cannot be taken *yet*: retried
 * with growing delays while the message is younger than the retry horizon,
 * without spending the attempts meant for poison messages. `dependency` names
 * what is down, for its circuit breaker; none when only this message waits.
 */
export class TransientFailure extends Error {
  override readonly name = 'TransientFailure';
  constructor(
    message: string,
    readonly dependency?: string,
  ) {
    super(message);
  }
}

export type FailureKind =
  | { kind: 'permanent' }
  | { kind: 'transient'; dependency?: string }
  /** Neither said nor recognised: counts against the poison budget (the retry tiers). */
  | { kind: 'unclassified' };

/** How a handler's failure is treated; a lost database connection is transient wherever it surfaces. */
export function classify(error: unknown): FailureKind {
  if (error instanceof PermanentFailure) return { kind: 'permanent' };
  if (error instanceof TransientFailure) return { kind: 'transient', dependency: error.dependency };
  if (isConnectionLost(error)) return { kind: 'transient', dependency: 'database' };
  return { kind: 'unclassified' };
}
