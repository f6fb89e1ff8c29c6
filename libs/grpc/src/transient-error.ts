import { status } from '@grpc/grpc-js';

/**
 * Codes that say "the call did not get through; the same call may succeed
 * later", each with why. Every other code, and anything that is not a gRPC
 * status, is permanent: the server judged the request (INVALID_ARGUMENT,
 * NOT_FOUND, FAILED_PRECONDITION, PERMISSION_DENIED…) or failed on it (UNKNOWN,
 * INTERNAL: an unhandled error the same input will hit again, so retrying it
 * would only loop).
 */
const TRANSIENT = new Set<number>([
  // The server is down, restarting or unreachable: gRPC's own "retry me".
  status.UNAVAILABLE,
  // The dependency did not answer in time (hung, overloaded); the next try may.
  status.DEADLINE_EXCEEDED,
  // Out of quota or capacity (rate limit, full pool): it frees up.
  status.RESOURCE_EXHAUSTED,
  // A concurrency conflict (transaction aborted, lease lost): the retry starts clean.
  status.ABORTED,
  // Cut off before an answer (a server or this process shutting down): nothing was judged.
  status.CANCELLED,
]);

/** grpc-js reports an oversized message as RESOURCE_EXHAUSTED too; the same message stays too large. */
const MESSAGE_TOO_LARGE = /larger than max/i;

/** Whether a failed call is worth retrying with back-off (else: dead-letter it with its reason). */
export function isTransientGrpcError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, details } = error as { code?: unknown; details?: unknown };
  if (typeof code !== 'number' || !TRANSIENT.has(code)) return false;
  return !(code === status.RESOURCE_EXHAUSTED && typeof details === 'string' && MESSAGE_TOO_LARGE.test(details));
}
