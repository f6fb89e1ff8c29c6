import {
  activeTracer,
  context,
  currentSpanContext,
  extractContext,
  newTraceparent,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type TextMapGetter,
  type TextMapSetter,
  withCarriedTrace,
} from '@chasqui/observability';
import {
  InterceptingCall,
  Metadata,
  ServerInterceptingCall,
  status,
  type Interceptor,
  type ServerInterceptor,
} from '@grpc/grpc-js';

// RPC semantic conventions: span name "<package.Service>/<Method>", rpc.* attributes, the gRPC status code.

/** "/chasqui.receivables.v1.ReceivablesService/CreateInvoice" → its name and attributes. */
function describe(path: string): { name: string; attributes: Attributes } {
  const [service, method] = path.slice(1).split('/');
  return {
    name: `${service}/${method}`,
    attributes: { 'rpc.system': 'grpc', 'rpc.service': service, 'rpc.method': method },
  };
}

const metadataGetter: TextMapGetter<Metadata> = {
  keys: (metadata) => Object.keys(metadata.getMap()),
  get: (metadata, key) => {
    const values = metadata.get(key).map(String);
    return values.length > 0 ? values : undefined;
  },
};

const metadataSetter: TextMapSetter<Metadata> = { set: (metadata, key, value) => metadata.set(key, value) };

/** A server marks only these codes as its own failure; the others are the caller's (semantic conventions). */
const SERVER_ERRORS = new Set<number>([
  status.UNKNOWN,
  status.DEADLINE_EXCEEDED,
  status.UNIMPLEMENTED,
  status.INTERNAL,
  status.UNAVAILABLE,
  status.DATA_LOSS,
]);

function finish(span: Span, code: number, details: string, failed: boolean): void {
  span.setAttribute('rpc.grpc.status_code', code);
  if (failed) span.setStatus({ code: SpanStatusCode.ERROR, message: details || status[code] });
  span.end();
}

/**
 * A SERVER span for every call the service answers, child of the caller's
 * traceparent metadata, ended at the status the client receives. The
 * handler (guards, pipes, use case) runs inside it, so what it logs, calls
 * or enqueues belongs to the call's trace. Tracing off: no span, and the
 * handler runs in the trace the caller's traceparent names (its log lines
 * and the messages it enqueues carry that trace id).
 */
export const grpcServerTracing: ServerInterceptor = (descriptor, call) => {
  const tracer = activeTracer();
  if (!tracer) return carryingTrace(call);
  const { name, attributes } = describe(descriptor.path);
  let span: Span | undefined;
  let within: Context = context.active();
  const run = (next: () => void) => context.with(within, next);
  const end = (code: number, details: string) => {
    if (span) finish(span, code, details, SERVER_ERRORS.has(code));
    span = undefined;
  };
  return new ServerInterceptingCall(call, {
    start: (next) =>
      next({
        onReceiveMetadata: (metadata, nextMetadata) => {
          const parent = extractContext(metadata, metadataGetter);
          span = tracer.startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
          within = trace.setSpan(parent, span);
          run(() => nextMetadata(metadata));
        },
        onReceiveMessage: (message, nextMessage) => run(() => nextMessage(message)),
        onReceiveHalfClose: (nextHalfClose) => run(nextHalfClose),
        onCancel: () => end(status.CANCELLED, 'cancelled by the client'),
      }),
    sendStatus: (sent, nextStatus) => {
      end(sent.code, sent.details ?? '');
      nextStatus(sent);
    },
  });
};

/** Tracing off: the call's handler callbacks run in the trace its traceparent metadata names. */
function carryingTrace(call: Parameters<ServerInterceptor>[1]): ServerInterceptingCall {
  let traceparent: string | undefined;
  const run = (next: () => void) => withCarriedTrace(traceparent, next);
  return new ServerInterceptingCall(call, {
    start: (next) =>
      next({
        onReceiveMetadata: (metadata, nextMetadata) => {
          const [value] = metadata.get('traceparent');
          traceparent = typeof value === 'string' ? value : undefined;
          run(() => nextMetadata(metadata));
        },
        onReceiveMessage: (message, nextMessage) => run(() => nextMessage(message)),
        onReceiveHalfClose: (nextHalfClose) => run(nextHalfClose),
      }),
  });
}

/**
 * A CLIENT span for every call made through grpcClient, child of the current
 * context; the call carries this span's traceparent (replacing one the
 * caller set), so the server's span hangs under it. Tracing off: a call made
 * inside work that carried a trace in, and naming none itself, carries that
 * trace on.
 */
export const grpcClientTracing: Interceptor = (options, nextCall) => {
  const tracer = activeTracer();
  if (!tracer) {
    const carried = currentSpanContext() && newTraceparent();
    if (!carried) return new InterceptingCall(nextCall(options));
    return new InterceptingCall(nextCall(options), {
      start: (metadata, listener, next) => {
        if (metadata.get('traceparent').length === 0) metadata.set('traceparent', carried);
        next(metadata, listener);
      },
    });
  }
  const { name, attributes } = describe(options.method_definition.path);
  const parent = context.active();
  const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes }, parent);
  return new InterceptingCall(nextCall(options), {
    start: (metadata, _listener, next) => {
      propagation.inject(trace.setSpan(parent, span), metadata, metadataSetter);
      next(metadata, {
        onReceiveStatus: (received, nextStatus) => {
          finish(span, received.code, received.details, received.code !== status.OK);
          nextStatus(received);
        },
      });
    },
  });
};
