import {
  context,
  diag,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  trace,
  type Context,
  type SpanContext,
  type TextMapGetter,
  type Tracer,
} from '@opentelemetry/api';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Log } from './json-logger';

/** The standard OTEL_* variables a service's environment may set (validated by @chasqui/config). */
export interface TracingEnv {
  /** Base URL of an OTLP/HTTP receiver (a collector); spans go to `<base>/v1/traces`. Unset: no tracing. */
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  /** The service.name of the spans; the service's own name by default. */
  OTEL_SERVICE_NAME?: string;
  /** `true` turns tracing off whatever the endpoint. */
  OTEL_SDK_DISABLED?: string;
}

interface Started {
  tracer: Tracer;
  shutdown(): Promise<void>;
}

let started: Started | undefined;

/**
 * Starts exporting spans when OTEL_EXPORTER_OTLP_ENDPOINT is set: a tracer
 * provider with a batch processor and the OTLP/HTTP exporter, the W3C
 * trace-context propagator, and an async-local context so a span stays
 * current across the awaits of the work it covers. Unset, nothing is loaded
 * or registered: the OpenTelemetry API stays a no-op and every instrumented
 * edge skips its span. Call before the service boots; returns whether it started.
 * The SDK's own warnings and errors (an export refused or unreachable) go to `log`.
 */
export async function startTracing(service: string, env: TracingEnv, log?: Log): Promise<boolean> {
  if (started) return true;
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint || env.OTEL_SDK_DISABLED === 'true') return false;
  // Loaded only now: a service without an endpoint never pays for the SDK.
  const { startSdk } = await import('./tracing-sdk');
  started = startSdk(env.OTEL_SERVICE_NAME || service, endpoint, log);
  return true;
}

/** Sends what is buffered and stops (at shutdown, after the last work drained); a no-op when tracing is off. */
export async function stopTracing(): Promise<void> {
  const current = started;
  started = undefined;
  // A collector that is down or refuses costs these spans, not a clean shutdown.
  await current?.shutdown().catch((error: unknown) => diag.error('spans not exported at shutdown', error));
}

/** The tracer while tracing is on; undefined otherwise, so an edge skips its span at no cost. */
export function activeTracer(): Tracer | undefined {
  return started?.tracer;
}

/**
 * Tracing off: the trace context the work in hand arrived with (a gRPC call's
 * or a consumed message's traceparent), so its log lines and the messages it
 * sends on keep the caller's trace id — a trace to follow through the logs of
 * every service even with no collector to send spans to.
 */
const carried = new AsyncLocalStorage<SpanContext | undefined>();
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * Runs `work` inside the trace `traceparent` names when tracing is off (with
 * it on, the edge's span carries the trace instead). A missing or malformed
 * traceparent: in no trace, whatever the context the edge's callback came from.
 */
export function withCarriedTrace<T>(traceparent: string | undefined, work: () => T): T {
  if (started) return work();
  return carried.run(traceparent ? parseTraceparent(traceparent) : undefined, work);
}

/** A W3C traceparent's span context; undefined unless it is version 00 with valid ids. */
export function parseTraceparent(traceparent: string): SpanContext | undefined {
  const match = TRACEPARENT.exec(traceparent);
  if (!match) return undefined;
  const spanContext = { traceId: match[1], spanId: match[2], traceFlags: parseInt(match[3], 16), isRemote: true };
  return isSpanContextValid(spanContext) ? spanContext : undefined;
}

/** The span context current in this async context: the active span's (tracing on), else the one carried. */
export function currentSpanContext(): SpanContext | undefined {
  if (!started) return carried.getStore();
  const spanContext = trace.getSpanContext(context.active());
  return spanContext && isSpanContextValid(spanContext) ? spanContext : undefined;
}

/**
 * The context a carrier (gRPC metadata, AMQP headers) names as the parent of
 * the work it brings: its traceparent (and tracestate), by the W3C propagator.
 */
export function extractContext<C>(carrier: C, getter?: TextMapGetter<C>): Context {
  return getter ? propagation.extract(ROOT_CONTEXT, carrier, getter) : propagation.extract(ROOT_CONTEXT, carrier);
}
