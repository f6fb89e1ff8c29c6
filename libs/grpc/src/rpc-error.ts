import { Metadata, status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { googleRpc, RpcStatus } from '@chasqui/contracts';
import { RpcException } from '@nestjs/microservices';
import type { FieldViolation } from '@chasqui/errors';

const DETAILS_KEY = 'grpc-status-details-bin';
const BAD_REQUEST_TYPE = 'type.googleapis.com/google.rpc.BadRequest';

/**
 * An error grpc-js sends as the call's status; field violations travel as
 * google.rpc.BadRequest in grpc-status-details-bin (ARCHITECTURE §3).
 */
export function rpcError(code: GrpcStatus, message: string, violations: FieldViolation[] = []): RpcException {
  const metadata = new Metadata();
  if (violations.length > 0) {
    const badRequest = googleRpc.BadRequest.encode({
      fieldViolations: violations.map((v) => ({ field: v.field, description: v.description, reason: '' })),
    }).finish();
    const details = RpcStatus.encode({ code, message, details: [{ typeUrl: BAD_REQUEST_TYPE, value: badRequest }] });
    metadata.set(DETAILS_KEY, Buffer.from(details.finish()));
  }
  return new RpcException({ code, message, details: message, metadata });
}

/** The field violations a failed call carried (for clients and tests). */
export function readBadRequest(error: ServiceError): FieldViolation[] {
  const raw = error.metadata?.get(DETAILS_KEY)[0];
  if (!raw || typeof raw === 'string') return [];
  const rpcStatus = RpcStatus.decode(raw);
  return rpcStatus.details
    .filter((any) => any.typeUrl === BAD_REQUEST_TYPE)
    .flatMap((any) => googleRpc.BadRequest.decode(any.value).fieldViolations)
    .map((v) => ({ field: v.field, description: v.description }));
}
