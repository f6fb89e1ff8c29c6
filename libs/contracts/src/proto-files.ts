import { join } from 'node:path';

/** The proto/ directory at the repository root (src/ and dist/ sit at the same depth). */
export const PROTO_ROOT = join(__dirname, '..', '..', '..', 'proto');

/** The gRPC package and service each app serves, and the file that declares them. */
export const grpcPackages = {
  receivables: {
    package: 'chasqui.receivables.v1',
    service: 'ReceivablesService',
    protoPath: 'chasqui/receivables/v1/receivables.proto',
  },
  scheduler: {
    package: 'chasqui.scheduler.v1',
    service: 'SchedulerService',
    protoPath: 'chasqui/scheduler/v1/scheduler.proto',
  },
  renderer: {
    package: 'chasqui.renderer.v1',
    service: 'RendererService',
    protoPath: 'chasqui/renderer/v1/renderer.proto',
  },
  delivery: {
    package: 'chasqui.delivery.v1',
    service: 'DeliveryService',
    protoPath: 'chasqui/delivery/v1/delivery.proto',
  },
  // Served by every service beside its own: its dead letters.
  operations: {
    package: 'chasqui.operations.v1',
    service: 'DeadLetterService',
    protoPath: 'chasqui/operations/v1/operations.proto',
  },
} as const;

export type GrpcPackage = keyof typeof grpcPackages;
