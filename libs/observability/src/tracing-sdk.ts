import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { Log } from './json-logger';

/**
 * The OpenTelemetry SDK, loaded by startTracing only when an endpoint is set.
 * The sampler follows OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG (parent
 * based, always on, by default), read by the SDK itself; the exporter also
 * honours OTEL_EXPORTER_OTLP_HEADERS, _TIMEOUT and _COMPRESSION.
 */
export function startSdk(serviceName: string, endpoint: string, log?: Log) {
  if (log) diag.setLogger(diagLogger(log), { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(endpoint) }))],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  return {
    tracer: provider.getTracer('@chasqui/observability'),
    shutdown: () => provider.shutdown(),
  };
}

/** OTEL_EXPORTER_OTLP_ENDPOINT is a base URL: traces go to its /v1/traces, as the specification says. */
export function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

/** The SDK's diagnostics as the service's log lines: an export that fails says so instead of dropping spans silently. */
function diagLogger(log: Log): DiagLogger {
  const fields = (args: unknown[]) => (args.length > 0 ? { detail: args.map(String).join(' ') } : undefined);
  const ignore = () => undefined;
  return {
    error: (message, ...args) => log.error(`opentelemetry: ${message}`, fields(args)),
    warn: (message, ...args) => log.warn(`opentelemetry: ${message}`, fields(args)),
    info: ignore,
    debug: ignore,
    verbose: ignore,
  };
}
