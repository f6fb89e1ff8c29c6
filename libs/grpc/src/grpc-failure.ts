import { status } from '@grpc/grpc-js';
import { PermanentFailure, TransientFailure } from '@chasqui/messaging';
import { isTransientGrpcError } from './transient-error';

/**
 * Our own credentials refused: a deployment fault an operator fixes (a wrong
 * SERVICE_TOKEN). Every message would fail alike, so none is given up on for it.
 */
const REFUSED_CREDENTIALS = new Set<number>([status.UNAUTHENTICATED, status.PERMISSION_DENIED]);

/** A fault of unknown kind on the server: the bounded retries of the poison budget, not a verdict. */
const UNEXPLAINED = new Set<number>([status.INTERNAL, status.UNKNOWN]);

/**
 * A failed call to `dependency`, as a message handler should report it:
 * TransientFailure naming the dependency (held while it is down),
 * PermanentFailure (the server judged the request: dead-lettered at once with
 * the reason), or the error itself (INTERNAL, UNKNOWN, not a gRPC status).
 */
export function asMessagingFailure(error: unknown, dependency: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'number') return error;
  const said = `${dependency}: ${(error as { details?: string }).details || (error as Error).message}`;
  if (isTransientGrpcError(error) || REFUSED_CREDENTIALS.has(code)) return new TransientFailure(said, dependency);
  if (UNEXPLAINED.has(code)) return error;
  return new PermanentFailure(said);
}
