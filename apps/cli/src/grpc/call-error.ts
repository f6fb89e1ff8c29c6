import { status, type ServiceError } from '@grpc/grpc-js';
import { googleRpc, RpcStatus } from '@chasqui/contracts';

const DETAILS_KEY = 'grpc-status-details-bin';
const BAD_REQUEST_TYPE = 'type.googleapis.com/google.rpc.BadRequest';

export interface FieldViolation {
  field: string;
  description: string;
}

/** A call to a service failed: grpc-js's error (a code, details, metadata) and which service answered it. */
export class CallFailed extends Error {
  override readonly name = 'CallFailed';
  constructor(
    readonly service: string,
    readonly error: ServiceError,
  ) {
    super(`${service}: ${error.message}`);
  }
}

/** The field violations a failed call carried (google.rpc.BadRequest in grpc-status-details-bin). */
export function fieldViolations(error: ServiceError): FieldViolation[] {
  const raw = error.metadata?.get(DETAILS_KEY)[0];
  if (!raw || typeof raw === 'string') return [];
  return RpcStatus.decode(raw)
    .details.filter((any) => any.typeUrl === BAD_REQUEST_TYPE)
    .flatMap((any) => googleRpc.BadRequest.decode(any.value).fieldViolations)
    .map((v) => ({ field: v.field, description: v.description }));
}

/** One line for the failure (code name and message), then one line per field violation. */
export function describeCallError({ service, error }: CallFailed): string {
  const code = status[error.code] ?? String(error.code);
  const message = error.details || error.message;
  const lines = [`${service}: ${code}: ${message}`];
  for (const v of fieldViolations(error)) lines.push(`  ${v.field}: ${v.description}`);
  return lines.join('\n');
}
