import type { Metadata } from '@grpc/grpc-js';
import type { ExecutionContext } from '@nestjs/common';

/**
 * The gRPC metadata of the call a @GrpcMethod handler serves: Nest passes it
 * (request, metadata, call). Not for @GrpcStreamCall handlers (call, callback):
 * Nest does not relay to the caller what their guards or filters throw (the
 * call would hang), so those read `call.metadata` and answer errors themselves.
 */
export function metadataOf(context: ExecutionContext): Metadata {
  const metadata: unknown = context.switchToRpc().getContext();
  if (!isMetadata(metadata)) throw new Error('not a @GrpcMethod call: no metadata to read the credentials from');
  return metadata;
}

// Duck-typed: an instanceof check would fail on a second copy of grpc-js.
const isMetadata = (value: unknown): value is Metadata =>
  typeof (value as Metadata | undefined)?.get === 'function' &&
  typeof (value as Metadata | undefined)?.getMap === 'function';
