import 'reflect-metadata';
import type { GrpcPackage } from '@chasqui/contracts';
import { OpsServer, type JsonLogger } from '@chasqui/observability';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DomainErrorFilter } from './domain-error.filter';
import { grpcServerOptions } from './grpc-options';

/** Boots a service whose edge is gRPC: the filter, shutdown hooks, listen, then ready. */
export async function startGrpcService(
  pkg: GrpcPackage,
  module: DynamicModule,
  ports: { GRPC_HOST: string; GRPC_PORT: number; HTTP_PORT: number },
  log: JsonLogger,
): Promise<void> {
  const app = await NestFactory.createMicroservice(module, {
    ...grpcServerOptions(pkg, ports.GRPC_HOST, ports.GRPC_PORT),
    logger: log,
  });
  app.useGlobalFilters(new DomainErrorFilter(log));
  app.enableShutdownHooks();
  await app.listen();
  app.get(OpsServer).serve();
  log.info(`${pkg} listening`, { grpcHost: ports.GRPC_HOST, grpcPort: ports.GRPC_PORT, httpPort: ports.HTTP_PORT });
}
