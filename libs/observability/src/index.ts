export { JsonLogger, type Log, type LogLevel } from './json-logger';
export { OpsServer, type ReadinessCheck } from './ops-server';
export { newTraceparent, onwardTraceparent, traceparentOf } from './traceparent';
export { createRegistry } from './registry';
export {
  activeTracer,
  currentSpanContext,
  extractContext,
  parseTraceparent,
  startTracing,
  stopTracing,
  withCarriedTrace,
  type TracingEnv,
} from './tracing';
// The OpenTelemetry API the instrumented edges (libs/grpc, libs/messaging) use, from this one dependency.
export {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
