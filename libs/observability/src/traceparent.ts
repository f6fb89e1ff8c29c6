import { randomFillSync } from 'node:crypto';
import type { SpanContext } from '@opentelemetry/api';
import { activeTracer, currentSpanContext } from './tracing';

/** Random bytes drawn in blocks: one call to the system's generator per 256 trace ids, not two per id. */
const POOL = Buffer.alloc(24 * 256);
let offset = POOL.length;

/**
 * A W3C trace-context header for work that starts here. With tracing on and
 * a span current (a gRPC call, a consumed message), that span's: the work
 * stays in its trace, under it. Tracing off, inside work that carried a
 * trace in: that trace's id, with a span id of its own.
 */
export function newTraceparent(): string {
  const current = currentSpanContext();
  if (current && activeTracer()) return traceparentOf(current);
  if (offset === POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  const traceId = current?.traceId ?? POOL.toString('hex', offset, offset + 16);
  const spanId = POOL.toString('hex', offset + 16, offset + 24);
  offset += 24;
  return `00-${traceId}-${spanId}-01`;
}

/**
 * The traceparent that travels on from work that arrived with `incoming`:
 * with tracing on, the current span's (a child of `incoming`, so the trace
 * stays one tree); otherwise `incoming` unchanged.
 */
export function onwardTraceparent(incoming: string): string {
  const current = activeTracer() && currentSpanContext();
  return current ? traceparentOf(current) : incoming;
}

/** A span context as a traceparent header. */
export function traceparentOf({ traceId, spanId, traceFlags }: SpanContext): string {
  return `00-${traceId}-${spanId}-${(traceFlags & 0xff).toString(16).padStart(2, '0')}`;
}
