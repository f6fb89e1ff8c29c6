import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { grpcPackages, type GrpcPackage } from '@chasqui/contracts';
import { ClientGrpcProxy } from '@nestjs/microservices';
import { defer, throwError, timeout, type Observable } from 'rxjs';
import { LOADER_OPTIONS, MAX_MESSAGE_BYTES } from './grpc-options';

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

type Method = (...args: unknown[]) => Observable<unknown>;
type MethodKind = { requestStream?: boolean; responseStream?: boolean };

/**
 * A typed client (the ts-proto `<Service>Client` interface) for another
 * service; every method carries its deadline, so no caller can forget one.
 */
export function grpcClient<T extends object>(
  pkg: GrpcPackage,
  url: string,
  deadlines: CallDeadlines = DEFAULT_DEADLINES,
): { service: T; close: () => void } {
  const { package: packageName, protoPath, service } = grpcPackages[pkg];
  const proxy = new ClientGrpcProxy({
    package: packageName,
    protoPath,
    url,
    loader: LOADER_OPTIONS,
    maxReceiveMessageLength: MAX_MESSAGE_BYTES,
    maxSendMessageLength: MAX_MESSAGE_BYTES,
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
