import { status } from '@grpc/grpc-js';
import { PermanentFailure, TransientFailure } from '@chasqui/messaging';

/** The answer is about this request: asking again cannot change it. */
const ABOUT_THE_REQUEST = new Set<number>([
  status.INVALID_ARGUMENT,
  status.NOT_FOUND,
  status.ALREADY_EXISTS,
  status.FAILED_PRECONDITION,
  status.OUT_OF_RANGE,
]);

/**
 * The dependency cannot answer now: down, overloaded, too slow, or refusing
 * our credentials (a deployment fault an operator fixes — every message would
 * fail alike, so none is given up on for it).
 */
const DEPENDENCY_DOWN = new Set<number>([
  status.UNAVAILABLE,
  status.DEADLINE_EXCEEDED,
  status.RESOURCE_EXHAUSTED,
  status.ABORTED,
  status.CANCELLED,
  status.UNAUTHENTICATED,
  status.PERMISSION_DENIED,
  status.UNIMPLEMENTED,
]);

/**
 * A failed call to `dependency`, as a message handler should report it:
 * PermanentFailure (dead-lettered at once with the reason), TransientFailure
 * naming the dependency (held while it is down), or the error itself
 * (INTERNAL, UNKNOWN: a fault of unknown kind, retried a bounded number of times).
 */
export function asMessagingFailure(error: unknown, dependency: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'number') return error;
  const said = `${dependency}: ${(error as { details?: string }).details || (error as Error).message}`;
  if (ABOUT_THE_REQUEST.has(code)) return new PermanentFailure(said);
  if (DEPENDENCY_DOWN.has(code)) return new TransientFailure(said, dependency);
  return error;
}
