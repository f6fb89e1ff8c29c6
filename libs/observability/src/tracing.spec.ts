import { context, trace } from '@opentelemetry/api';
import { JsonLogger } from './json-logger';
import { newTraceparent, onwardTraceparent, traceparentOf } from './traceparent';
import { activeTracer, currentSpanContext, startTracing } from './tracing';
import { tracesUrl } from './tracing-sdk';

/** What the logger writes while `write` runs. */
function linesOf(write: () => void): Record<string, unknown>[] {
  const written: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  try {
    write();
  } finally {
    spy.mockRestore();
  }
  return written.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  const incoming = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
  const remote = trace.wrapSpanContext({
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
    traceFlags: 1,
  });

  it('starts nothing: no tracer, and the global API stays the no-op one', async () => {
    expect(await startTracing('receivables', {})).toBe(false);
    expect(await startTracing('receivables', { OTEL_SERVICE_NAME: 'x' })).toBe(false);
    expect(activeTracer()).toBeUndefined();
    const span = trace.getTracer('test').startSpan('work');
    expect(span.isRecording()).toBe(false);
    // No context manager was registered: a context entered is not current inside.
    context.with(trace.setSpan(context.active(), remote), () => {
      expect(trace.getSpan(context.active())).toBeUndefined();
      expect(currentSpanContext()).toBeUndefined();
    });
  });

  it('starts nothing when OTEL_SDK_DISABLED=true, whatever the endpoint', async () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' };
    expect(await startTracing('receivables', env)).toBe(false);
    expect(activeTracer()).toBeUndefined();
  });

  it('leaves traceparents as they were: new ones random, incoming ones passed on unchanged', () => {
    expect(newTraceparent()).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(newTraceparent()).not.toBe(newTraceparent());
    expect(onwardTraceparent(incoming)).toBe(incoming);
  });

  it('writes log lines without trace ids', () => {
    const [line] = linesOf(() => new JsonLogger('receivables').info('hello', { a: 1 }));
    expect(line).toEqual({ time: expect.any(String), level: 'info', service: 'receivables', msg: 'hello', a: 1 });
  });
});

describe('trace-context helpers', () => {
  it('writes a span context as a W3C traceparent, flags in two hex digits', () => {
    const ids = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331' };
    expect(traceparentOf({ ...ids, traceFlags: 1 })).toBe(`00-${ids.traceId}-${ids.spanId}-01`);
    expect(traceparentOf({ ...ids, traceFlags: 0 })).toBe(`00-${ids.traceId}-${ids.spanId}-00`);
  });

  it('sends traces to <endpoint>/v1/traces, as the OTLP specification says of the base endpoint', () => {
    expect(tracesUrl('http://collector:4318')).toBe('http://collector:4318/v1/traces');
    expect(tracesUrl('http://collector:4318/')).toBe('http://collector:4318/v1/traces');
  });
});
