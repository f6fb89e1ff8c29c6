import { grpcPackages, PROTO_ROOT, type GrpcPackage } from '@chasqui/contracts';
import type { ServerInterceptor } from '@grpc/grpc-js';
import { Transport, type GrpcOptions } from '@nestjs/microservices';

/**
 * How proto-loader decodes on both ends: int64 as decimal strings and enums as
 * names, matching the ts-proto types in @chasqui/contracts (forceLong=string,
 * stringEnums) so money never passes through a JavaScript number.
 */
export const LOADER_OPTIONS = {
  includeDirs: [PROTO_ROOT],
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
};

/** Room for a 5 MB invoice attachment plus its envelope (grpc-js defaults to 4 MB). */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

/** host:port as gRPC takes it (an IPv6 address in brackets). */
export const listenAddress = (host: string, port: number) =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;

/**
 * The service's own package, and the operations package every service serves
 * beside it; `interceptors` see every call (grpc-js server interceptors, which
 * Nest hands to the server with its channel options).
 */
export function grpcServerOptions(
  pkg: GrpcPackage,
  host: string,
  port: number,
  interceptors: ServerInterceptor[] = [],
): GrpcOptions {
  const served = [...new Set<GrpcPackage>([pkg, 'operations'])].map((name) => grpcPackages[name]);
  return {
    transport: Transport.GRPC,
    options: {
      package: served.map((p) => p.package),
      protoPath: served.map((p) => p.protoPath),
      url: listenAddress(host, port),
      loader: LOADER_OPTIONS,
      maxReceiveMessageLength: MAX_MESSAGE_BYTES,
      maxSendMessageLength: MAX_MESSAGE_BYTES,
      channelOptions: { interceptors },
    },
  };
}
