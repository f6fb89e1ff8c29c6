import {
  InterceptingCall,
  ServerInterceptingCall,
  status,
  type Interceptor,
  type ServerInterceptor,
} from '@grpc/grpc-js';
import { Counter, Histogram, type Registry } from 'prom-client';

/**
 * Every call a gRPC server answers, by gRPC service, method and status code,
 * and how long it took: counted by a grpc-js server interceptor at the status
 * the client receives — after guards, pipes and the exception filter, so an
 * INVALID_ARGUMENT is counted as one, not as the exception behind it.
 */
export class GrpcServerMetrics {
  private readonly handled = new Counter({
    name: 'grpc_server_handled_total',
    help: 'gRPC calls answered, by gRPC service, method and status code',
    labelNames: ['grpc_service', 'method', 'code'],
    registers: [],
  });
  private readonly seconds = new Histogram({
    name: 'grpc_server_handling_seconds',
    help: 'Time from a call arriving to its status being sent, by gRPC service and method',
    labelNames: ['grpc_service', 'method'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 60],
    registers: [],
  });

  readonly interceptor: ServerInterceptor = (descriptor, call) => {
    const started = performance.now();
    // "/chasqui.receivables.v1.ReceivablesService/CreateInvoice"
    const [grpcService, method] = descriptor.path.slice(1).split('/');
    return new ServerInterceptingCall(call, {
      sendStatus: (sent, next) => {
        this.handled.inc({ grpc_service: grpcService, method, code: status[sent.code] ?? String(sent.code) });
        this.seconds.observe({ grpc_service: grpcService, method }, (performance.now() - started) / 1000);
        next(sent);
      },
    });
  };

  /** Exposes the series on the service's registry (its /metrics). */
  registerOn(registry: Registry): void {
    registry.registerMetric(this.handled);
    registry.registerMetric(this.seconds);
  }
}

/**
 * Every call a gRPC client of this process makes, by gRPC service, method and
 * the status code it ended with, and how long it took: counted by a grpc-js
 * client interceptor when the status arrives — the server's answer, or the
 * client's own DEADLINE_EXCEEDED, UNAVAILABLE (no server reachable) or
 * CANCELLED (a server stream given up for idling counts as CANCELLED).
 * The client's view of grpc_server_handled_total: it sees the calls that never
 * reached a server.
 */
export class GrpcClientMetrics {
  private readonly handled = new Counter({
    name: 'grpc_client_handled_total',
    help: 'gRPC calls made to other services, by gRPC service, method and the status code they ended with',
    labelNames: ['grpc_service', 'method', 'code'],
    registers: [],
  });
  private readonly seconds = new Histogram({
    name: 'grpc_client_handling_seconds',
    help: 'Time from a call starting to its status arriving, by gRPC service and method',
    labelNames: ['grpc_service', 'method'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 60],
    registers: [],
  });

  readonly interceptor: Interceptor = (options, nextCall) => {
    const [grpcService, method] = options.method_definition.path.slice(1).split('/');
    return new InterceptingCall(nextCall(options), {
      start: (metadata, listener, next) => {
        const started = performance.now();
        next(metadata, {
          onReceiveStatus: (received, nextStatus) => {
            this.handled.inc({
              grpc_service: grpcService,
              method,
              code: status[received.code] ?? String(received.code),
            });
            this.seconds.observe({ grpc_service: grpcService, method }, (performance.now() - started) / 1000);
            nextStatus(received);
          },
        });
      },
    });
  };

  /** Exposes the series on a registry (the service's /metrics); once is enough, again is harmless. */
  registerOn(registry: Registry): void {
    registry.registerMetric(this.handled);
    registry.registerMetric(this.seconds);
  }
}

/**
 * The calls of every client grpcClient() makes in this process, one set of
 * series per process: startGrpcService puts them on the service's registry,
 * so no module has to hand a registry to its clients.
 */
export const grpcClientMetrics = new GrpcClientMetrics();
