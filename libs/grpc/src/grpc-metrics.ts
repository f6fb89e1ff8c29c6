import { ServerInterceptingCall, status, type ServerInterceptor } from '@grpc/grpc-js';
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
