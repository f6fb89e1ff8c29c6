import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { grpcPackages, type GrpcPackage } from '@chasqui/contracts';
import { ClientGrpcProxy } from '@nestjs/microservices';
import { defer, throwError, timeout, type Observable } from 'rxjs';
import { grpcClientMetrics, type GrpcClientMetrics } from './grpc-metrics';
import { LOADER_OPTIONS, MAX_MESSAGE_BYTES } from './grpc-options';
import { grpcClientTracing } from './grpc-tracing';

/** How long a call may wait on the other side before it fails with DEADLINE_EXCEEDED. */
export interface CallDeadlines {
  /** A unary call: the whole call, sent to the server as its deadline too. */
  unaryMs: number;
  /**
   * A server stream: the longest wait for its next message, reset by each one.
   * A fixed deadline would have to outlast the largest ledger (ListCollectibles
   * over a million invoices) and so would not catch a hang; an idle limit fails
   * a stalled stream quickly however long a healthy one runs.
   */
  streamIdleMs: number;
}

export const DEFAULT_DEADLINES: CallDeadlines = { unaryMs: 10_000, streamIdleMs: 30_000 };

/** The deadlines a service's environment sets (GRPC_DEADLINE_MS, GRPC_STREAM_IDLE_MS). */
export const callDeadlines = (env: { GRPC_DEADLINE_MS: number; GRPC_STREAM_IDLE_MS: number }): CallDeadlines => ({
  unaryMs: env.GRPC_DEADLINE_MS,
  streamIdleMs: env.GRPC_STREAM_IDLE_MS,
});

/**
 * Calls spread over every address the target resolves to — each pod behind a
 * headless Service (DNS answers them all), or `ipv4:10.0.0.1:50051,10.0.0.2:50051`
 * — one connection to each, in turn; grpc-js's default (pick_first) would send
 * every call over the one connection it opened first.
 */
export const ROUND_ROBIN_SERVICE_CONFIG = JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] });

type Method = (...args: unknown[]) => Observable<unknown>;
type MethodKind = { requestStream?: boolean; responseStream?: boolean };

/**
 * A typed client (the ts-proto `<Service>Client` interface) for another
 * service; every method carries its deadline, so no caller can forget one.
 * Calls go round robin over the addresses `url` resolves to and are counted in
 * `metrics` (grpc_client_handled_total, grpc_client_handling_seconds).
 */
export function grpcClient<T extends object>(
  pkg: GrpcPackage,
  url: string,
  deadlines: CallDeadlines = DEFAULT_DEADLINES,
  metrics: GrpcClientMetrics = grpcClientMetrics,
): { service: T; close: () => void } {
  const { package: packageName, protoPath, service } = grpcPackages[pkg];
  const proxy = new ClientGrpcProxy({
    package: packageName,
    protoPath,
    url,
    loader: LOADER_OPTIONS,
    maxReceiveMessageLength: MAX_MESSAGE_BYTES,
    maxSendMessageLength: MAX_MESSAGE_BYTES,
    channelOptions: {
      'grpc.service_config': ROUND_ROBIN_SERVICE_CONFIG,
      interceptors: [metrics.interceptor, grpcClientTracing],
    },
  });
  const methods = proxy.getService<Record<string, Method>>(service);
  const kinds = proxy.getClientByServiceName<Record<string, MethodKind>>(service);
  const withDeadlines = Object.fromEntries(
    Object.entries(methods).map(([name, method]) => [name, withDeadline(method, kinds[name], deadlines)]),
  );
  return { service: withDeadlines as T, close: () => proxy.close() };
}

function withDeadline(method: Method, kind: MethodKind, deadlines: CallDeadlines): Method {
  // Nest passes the arguments after the metadata to grpc-js as CallOptions, except
  // for client streams (ImportInvoices, ImportPayments: called by integrators, not
  // by the services), where it drops them; those stay as they are.
  if (kind.requestStream) return method;
  if (kind.responseStream) {
    const ms = deadlines.streamIdleMs;
    return (request, metadata) =>
      method(request, metadata ?? new Metadata()).pipe(
        timeout({ each: ms, with: () => throwError(() => deadlineExceeded(`no message within ${ms} ms`)) }),
      );
  }
  // The deadline counts from the subscription, when the call is made.
  return (request, metadata) =>
    defer(() => method(request, metadata ?? new Metadata(), { deadline: Date.now() + deadlines.unaryMs }));
}

/** The error grpc-js reports for a deadline, for the one we enforce ourselves. */
function deadlineExceeded(details: string): ServiceError {
  return Object.assign(new Error(`${status.DEADLINE_EXCEEDED} DEADLINE_EXCEEDED: ${details}`), {
    code: status.DEADLINE_EXCEEDED,
    details,
    metadata: new Metadata(),
  });
}
