import {
  activeTracer,
  context,
  extractContext,
  SpanKind,
  SpanStatusCode,
  trace,
  traceparentOf,
  withCarriedTrace,
  type Attributes,
  type Span,
} from '@chasqui/observability';
import type { ConsumeMessage } from 'amqplib';
import type { OutboxRow } from './amqp-properties';

// Messaging semantic conventions (RabbitMQ): the exchange is the destination, the routing key beside it.
// messaging.operation is the older attribute; operation.type and operation.name the current ones.
const SYSTEM = { 'messaging.system': 'rabbitmq' };

/**
 * A PRODUCER span for one outbox row's publish, child of the trace context
 * the row was enqueued in; the message leaves with this span's traceparent.
 * Tracing off: the row as it is, no span.
 */
export async function tracePublish(row: OutboxRow, publish: (row: OutboxRow) => Promise<void>): Promise<void> {
  const tracer = activeTracer();
  if (!tracer) return publish(row);
  const parent = extractContext({ traceparent: row.traceparent });
  const attributes: Attributes = {
    ...SYSTEM,
    'messaging.operation': 'publish',
    'messaging.operation.type': 'send',
    'messaging.operation.name': 'publish',
    'messaging.destination.name': row.exchange,
    'messaging.rabbitmq.destination.routing_key': row.routing_key,
    'messaging.message.id': row.id,
  };
  const span = tracer.startSpan(`publish ${row.routing_key}`, { kind: SpanKind.PRODUCER, attributes }, parent);
  try {
    await context.with(trace.setSpan(parent, span), () =>
      publish({ ...row, traceparent: traceparentOf(span.spanContext()) }),
    );
  } catch (error) {
    failed(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/**
 * A CONSUMER span for one delivery, from its arrival to its settlement
 * (handled and acked, or sent to a retry tier or the dead letters), child of
 * the message's traceparent header; the handler runs inside it. Tracing off:
 * the handler runs in the trace the header names (its log lines carry it).
 */
export async function traceDelivery(queue: string, message: ConsumeMessage, work: () => Promise<void>): Promise<void> {
  const tracer = activeTracer();
  const headers = message.properties.headers ?? {};
  if (!tracer) return withCarriedTrace(headerOf(headers.traceparent), work);
  const parent = extractContext({
    traceparent: headerOf(headers.traceparent),
    tracestate: headerOf(headers.tracestate),
  });
  const attributes: Attributes = {
    ...SYSTEM,
    'messaging.operation': 'process',
    'messaging.operation.type': 'process',
    'messaging.operation.name': 'process',
    'messaging.destination.name': message.fields.exchange,
    'messaging.destination.subscription.name': queue,
    'messaging.rabbitmq.destination.routing_key': message.fields.routingKey,
    'messaging.rabbitmq.message.delivery_tag': message.fields.deliveryTag,
  };
  if (message.properties.messageId) attributes['messaging.message.id'] = String(message.properties.messageId);
  const span = tracer.startSpan(`process ${queue}`, { kind: SpanKind.CONSUMER, attributes }, parent);
  try {
    await context.with(trace.setSpan(parent, span), work);
  } finally {
    span.end();
  }
}

/** Marks the current span (a delivery's) failed with the handler's error; a no-op when tracing is off. */
export function handlerFailed(error: unknown): void {
  const span = trace.getActiveSpan();
  if (span) failed(span, error);
}

function failed(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

const headerOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
