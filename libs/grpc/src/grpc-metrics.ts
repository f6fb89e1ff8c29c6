import {
  InterceptingCall,
  ServerInterceptingCall,
  status,
  type Interceptor,
  type ServerInterceptor,
} from '@grpc/grpc-js';
import { Counter, Histogram, type Registry } from 'prom-client';

/** The two series of one side of gRPC calls: how many ended with each status code, and how long they took. */
class CallSeries {
  private readonly handled: Counter;
  private readonly seconds: Histogram;

  constructor(side: 'server' | 'client', help: { handled: string; seconds: string }) {
    this.handled = new Counter({
      name: `grpc_${side}_handled_total`,
      help: help.handled,
      labelNames: ['grpc_service', 'method', 'code'],
      registers: [],
    });
    this.seconds = new Histogram({
      name: `grpc_${side}_handling_seconds`,
      help: help.seconds,
      labelNames: ['grpc_service', 'method'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 60],
      registers: [],
    });
  }

  /** Starts timing a call on `path` ("/chasqui.receivables.v1.ReceivablesService/CreateInvoice"); call the result with its status. */
  timer(path: string): (code: status) => void {
    const started = performance.now();
    const [grpcService, method] = path.slice(1).split('/');
    return (code) => {
      this.handled.inc({ grpc_service: grpcService, method, code: status[code] ?? String(code) });
      this.seconds.observe({ grpc_service: grpcService, method }, (performance.now() - started) / 1000);
    };
  }

  registerOn(registry: Registry): void {
    registry.registerMetric(this.handled);
    registry.registerMetric(this.seconds);
  }
}

/**
 * Every call a gRPC server answers, by gRPC service, method and status code,
 * and how long it took: counted by a grpc-js server interceptor at the status
 * the client receives — after guards, pipes and the exception filter, so an
 * INVALID_ARGUMENT is counted as one, not as the exception behind it.
 */
export class GrpcServerMetrics {
  private readonly calls = new CallSeries('server', {
    handled: 'gRPC calls answered, by gRPC service, method and status code',
    seconds: 'Time from a call arriving to its status being sent, by gRPC service and method',
  });

  readonly interceptor: ServerInterceptor = (descriptor, call) => {
    const ended = this.calls.timer(descriptor.path);
    return new ServerInterceptingCall(call, {
      sendStatus: (sent, next) => {
        ended(sent.code);
        next(sent);
      },
    });
  };

  /** Exposes the series on the service's registry (its /metrics). */
  registerOn(registry: Registry): void {
    this.calls.registerOn(registry);
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
  private readonly calls = new CallSeries('client', {
    handled: 'gRPC calls made to other services, by gRPC service, method and the status code they ended with',
    seconds: 'Time from a call starting to its status arriving, by gRPC service and method',
  });

  readonly interceptor: Interceptor = (options, nextCall) =>
    new InterceptingCall(nextCall(options), {
      start: (metadata, listener, next) => {
        const ended = this.calls.timer(options.method_definition.path);
        next(metadata, {
          onReceiveStatus: (received, nextStatus) => {
            ended(received.code);
            nextStatus(received);
          },
        });
      },
    });

  /** Exposes the series on a registry (the service's /metrics); once is enough, again is harmless. */
  registerOn(registry: Registry): void {
    this.calls.registerOn(registry);
  }
}

/**
 * The calls of every client grpcClient() makes in this process, one set of
 * series per process: startGrpcService puts them on the service's registry,
 * so no module has to hand a registry to its clients.
 */
export const grpcClientMetrics = new GrpcClientMetrics();
