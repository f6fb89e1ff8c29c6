import 'reflect-metadata';
import type { GrpcPackage } from '@chasqui/contracts';
import { OpsServer, type JsonLogger } from '@chasqui/observability';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Registry } from 'prom-client';
import { DomainErrorFilter } from './domain-error.filter';
import { GrpcServerMetrics } from './grpc-metrics';
import { grpcServerOptions } from './grpc-options';

/** Boots a service whose edge is gRPC: the filter, call metrics, shutdown hooks, listen, then ready. */
export async function startGrpcService(
  pkg: GrpcPackage,
  module: DynamicModule,
  ports: { GRPC_HOST: string; GRPC_PORT: number; HTTP_PORT: number },
  log: JsonLogger,
): Promise<void> {
  const metrics = new GrpcServerMetrics();
  const app = await NestFactory.createMicroservice(module, {
    ...grpcServerOptions(pkg, ports.GRPC_HOST, ports.GRPC_PORT, [metrics.interceptor]),
    logger: log,
  });
  metrics.registerOn(app.get(Registry));
  app.useGlobalFilters(new DomainErrorFilter(log));
  app.enableShutdownHooks();
  await app.listen();
  app.get(OpsServer).serve();
  log.info(`${pkg} listening`, { grpcHost: ports.GRPC_HOST, grpcPort: ports.GRPC_PORT, httpPort: ports.HTTP_PORT });
}
