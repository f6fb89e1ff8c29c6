import { grpcPackages, PROTO_ROOT, type GrpcPackage } from '@chasqui/contracts';
import type { Server, ServerInterceptor } from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import { Transport, type GrpcOptions } from '@nestjs/microservices';
import type { GrpcHealth } from './grpc-health';
import { addReflection } from './grpc-reflection';

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
 * Nest hands to the server with its channel options). Beside them, what
 * tools expect of a gRPC server: reflection, and the standard health service
 * when `health` is given.
 */
export function grpcServerOptions(
  pkg: GrpcPackage,
  host: string,
  port: number,
  interceptors: ServerInterceptor[] = [],
  health?: GrpcHealth,
): GrpcOptions {
  const served = [...new Set<GrpcPackage>([pkg, 'operations'])].map((name) => grpcPackages[name]);
  const protoPaths = served.map((p) => p.protoPath);
  return {
    transport: Transport.GRPC,
    options: {
      package: served.map((p) => p.package),
      protoPath: protoPaths,
      url: listenAddress(host, port),
      loader: LOADER_OPTIONS,
      maxReceiveMessageLength: MAX_MESSAGE_BYTES,
      maxSendMessageLength: MAX_MESSAGE_BYTES,
      channelOptions: { interceptors },
      // Called once Nest's grpc-js Server is bound, before it adds the services' handlers.
      onLoadPackageDefinition: (definition: PackageDefinition, server: Server) => {
        health?.addToServer(server, servicesOf(definition));
        addReflection(server, protoPaths, LOADER_OPTIONS);
      },
    },
  };
}

/** The full names of the gRPC services in a package definition, e.g. chasqui.receivables.v1.ReceivablesService. */
function servicesOf(definition: PackageDefinition): string[] {
  return Object.entries(definition)
    .filter(([, type]) => !('format' in type))
    .map(([name]) => name);
}
