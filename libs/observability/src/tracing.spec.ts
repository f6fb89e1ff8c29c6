import { context, trace } from '@opentelemetry/api';
import { JsonLogger } from './json-logger';
import { newTraceparent, onwardTraceparent, traceparentOf } from './traceparent';
import { activeTracer, currentSpanContext, parseTraceparent, startTracing, withCarriedTrace } from './tracing';
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

  it('writes log lines without trace ids outside work that carried one in', () => {
    const [line] = linesOf(() => new JsonLogger('receivables').info('hello', { a: 1 }));
    expect(line).toEqual({ time: expect.any(String), level: 'info', service: 'receivables', msg: 'hello', a: 1 });
  });

  it('keeps the trace a call or message carried in: its log lines carry its ids, what it sends on its trace id', async () => {
    const log = new JsonLogger('scheduler');
    const seen = await withCarriedTrace(incoming, async () => {
      await new Promise((resolve) => setImmediate(resolve)); // across awaits
      return { lines: linesOf(() => log.info('handled')), sent: newTraceparent(), onward: onwardTraceparent(incoming) };
    });
    expect(seen.lines[0]).toMatchObject({ trace_id: '0af7651916cd43dd8448eb211c80319c', span_id: 'b7ad6b7169203331' });
    // A message it enqueues: the same trace, a span id of its own.
    expect(seen.sent).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
    expect(seen.sent).not.toBe(incoming);
    expect(seen.onward).toBe(incoming);
    // Outside it again: nothing carried.
    expect(currentSpanContext()).toBeUndefined();
    expect(linesOf(() => log.info('after'))[0]).not.toHaveProperty('trace_id');
  });

  it('carries nothing from a missing, malformed or all-zero traceparent', () => {
    for (const bad of [
      undefined,
      '',
      'garbage',
      '01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      '00-00000000000000000000000000000000-b7ad6b7169203331-01',
      '00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01',
    ]) {
      withCarriedTrace(bad, () => expect(currentSpanContext()).toBeUndefined());
      // Nor does it inherit one from the context its edge was called in.
      withCarriedTrace(incoming, () => withCarriedTrace(bad, () => expect(currentSpanContext()).toBeUndefined()));
    }
    expect(parseTraceparent(incoming)).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c', traceFlags: 1 });
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
