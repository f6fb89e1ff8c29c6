import { status } from '@grpc/grpc-js';
import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { throwError, type Observable } from 'rxjs';
import type { Log } from '@chasqui/observability';
import { DomainError, type DomainErrorKind } from '@chasqui/errors';
import { rpcError } from './rpc-error';

/**
 * Maps domain errors to canonical gRPC codes. Anything unexpected is logged
 * under an error id and answered INTERNAL, without internals.
 */
@Catch()
export class DomainErrorFilter implements RpcExceptionFilter<unknown> {
  constructor(private readonly log: Log) {}

  catch(exception: unknown): Observable<never> {
    return throwError(() => toStatusError(exception, this.log));
  }
}

/**
 * The status a call ends with for an exception: canonical codes for domain
 * errors; anything unexpected logged under an error id and answered INTERNAL.
 * For handlers that answer through grpc-js's callback themselves (streams).
 */
export function toStatusError(exception: unknown, log: Log): object {
  if (exception instanceof RpcException) return exception.getError() as object;
  if (exception instanceof DomainError) {
    return rpcError(codeOf(exception.kind), exception.message, exception.violations).getError() as object;
  }
  const errorId = randomUUID();
  const error = exception instanceof Error ? exception : new Error(String(exception));
  log.error('unhandled error in gRPC call', { errorId, error: error.message, stack: error.stack });
  return rpcError(status.INTERNAL, `internal error (id ${errorId})`).getError() as object;
}

function codeOf(kind: DomainErrorKind): status {
  switch (kind) {
    case 'invalid_argument':
      return status.INVALID_ARGUMENT;
    case 'not_found':
      return status.NOT_FOUND;
    case 'already_exists':
      return status.ALREADY_EXISTS;
    case 'failed_precondition':
      return status.FAILED_PRECONDITION;
    case 'unavailable':
      return status.UNAVAILABLE;
  }
}
