import 'reflect-metadata';
import type { GrpcPackage } from '@chasqui/contracts';
import { OpsServer, type JsonLogger } from '@chasqui/observability';
import type { DynamicModule, INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Registry } from 'prom-client';
import { DomainErrorFilter } from './domain-error.filter';
import { GrpcHealth } from './grpc-health';
import { grpcClientMetrics, GrpcServerMetrics } from './grpc-metrics';
import { grpcServerOptions } from './grpc-options';
import { grpcServerTracing } from './grpc-tracing';

/**
 * Boots a service whose edge is gRPC: the filter, call metrics, health and
 * reflection, shutdown hooks, listen, then ready.
 */
export async function startGrpcService(
  pkg: GrpcPackage,
  module: DynamicModule,
  ports: { GRPC_HOST: string; GRPC_PORT: number; HTTP_PORT: number },
  log: JsonLogger,
): Promise<void> {
  const metrics = new GrpcServerMetrics();
  // SERVING exactly when /readyz says ready (asked only once the app listens).
  const health = new GrpcHealth(async (): Promise<boolean> => (await app.get(OpsServer).readiness()).ready);
  const app: INestMicroservice = await NestFactory.createMicroservice(module, {
    ...grpcServerOptions(pkg, ports.GRPC_HOST, ports.GRPC_PORT, [metrics.interceptor, grpcServerTracing], health),
    logger: log,
  });
  metrics.registerOn(app.get(Registry));
  // The calls its clients make to other services, wherever in its modules they were made.
  grpcClientMetrics.registerOn(app.get(Registry));
  app.useGlobalFilters(new DomainErrorFilter(log));
  app.enableShutdownHooks();
  await app.listen();
  app.get(OpsServer).serve();
  log.info(`${pkg} listening`, { grpcHost: ports.GRPC_HOST, grpcPort: ports.GRPC_PORT, httpPort: ports.HTTP_PORT });
}
