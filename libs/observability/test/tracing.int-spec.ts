import type { receivables, scheduler } from '@chasqui/contracts';
import { aRule, call, failure, Ledger, ServiceStack, waitFor } from '@chasqui/testing';
import { Metadata, status } from '@grpc/grpc-js';
import { firstValueFrom } from 'rxjs';
import { OtlpReceiver, type ReceivedSpan } from './otlp-receiver';

jest.setTimeout(180_000);

const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;

/** Today's date in Mexico City (the tenant's zone), YYYY-MM-DD, and `days` later. */
function localDate(days = 0): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(date);
}

describe('tracing: one trace from a gRPC call through the outbox and RabbitMQ to another service, exported over OTLP', () => {
  const receiver = new OtlpReceiver();
  let stack: ServiceStack;

  beforeAll(async () => {
    const endpoint = await receiver.start();
    stack = await ServiceStack.start({
      services: ['receivables', 'scheduler'],
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
        // Exported within a quarter second rather than the default five.
        OTEL_BSP_SCHEDULE_DELAY: '250',
        LOG_LEVEL: 'debug',
        TICK_INTERVAL_MS: '0',
      },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await receiver.stop();
  });

  it('CreateInvoice → invoice.issued → the scheduler decides its notice, asking receivables: spans of both services in one tree, logs carrying its trace id', async () => {
    const tenant = await stack.tenant();
    const ledger = new Ledger(stack, tenant.auth);
    const schedulerClient = stack.client<scheduler.SchedulerServiceClient>('scheduler');
    await firstValueFrom(schedulerClient.createRule(aRule({ sendHour: 0, invoiceIssued: {} }), tenant.auth));
    const customer = await ledger.customer('trazada');
    const invoice = await ledger.invoice(customer, 'TR-1', localDate(30), '1000', 'MXN', localDate());

    // The gRPC call that started it: the root of its trace (the test's own client is not traced).
    let root: ReceivedSpan | undefined;
    await waitFor(() => {
      root = receiver.spans.find(
        (s) => s.name === 'chasqui.receivables.v1.ReceivablesService/CreateInvoice' && s.kind === SERVER,
      );
      return root !== undefined;
    }, 'the CreateInvoice span');
    const inTrace = () => receiver.spans.filter((s) => s.traceId === root!.traceId);
    const childrenOf = (parent: ReceivedSpan, kind: number) =>
      inTrace().filter((s) => s.parentSpanId === parent.spanId && s.kind === kind);

    // Down the tree: publish (receivables) → process (scheduler) → its calls to receivables → their server spans.
    await waitFor(() => {
      const published = childrenOf(root!, PRODUCER);
      const processed = published.flatMap((p) => childrenOf(p, CONSUMER));
      const calls = processed.flatMap((p) => childrenOf(p, CLIENT));
      return calls.length > 0 && calls.every((call) => childrenOf(call, SERVER).length === 1);
    }, 'the spans of the event and of the calls it led to');

    expect(root).toMatchObject({
      service: 'receivables',
      parentSpanId: '',
      attributes: {
        'rpc.system': 'grpc',
        'rpc.service': 'chasqui.receivables.v1.ReceivablesService',
        'rpc.method': 'CreateInvoice',
        'rpc.grpc.status_code': 0,
      },
    });
    const [published] = childrenOf(root!, PRODUCER).filter((s) => s.name === 'publish receivables.invoice.issued');
    expect(published).toMatchObject({
      service: 'receivables',
      attributes: {
        'messaging.system': 'rabbitmq',
        'messaging.operation': 'publish',
        'messaging.rabbitmq.destination.routing_key': 'receivables.invoice.issued',
      },
    });
    const [processed] = childrenOf(published, CONSUMER);
    expect(processed).toMatchObject({
      service: 'scheduler',
      name: 'process scheduler.invoice-issued',
      attributes: {
        'messaging.system': 'rabbitmq',
        'messaging.operation': 'process',
        'messaging.destination.name': published.attributes['messaging.destination.name'],
        'messaging.destination.subscription.name': 'scheduler.invoice-issued',
        'messaging.message.id': published.attributes['messaging.message.id'],
      },
    });
    const calls = childrenOf(processed, CLIENT);
    for (const call of calls) {
      expect(call).toMatchObject({
        service: 'scheduler',
        attributes: { 'rpc.system': 'grpc', 'rpc.grpc.status_code': 0 },
      });
      const [served] = childrenOf(call, SERVER);
      expect(served).toMatchObject({ service: 'receivables', name: call.name, attributes: call.attributes });
    }
    // What the scheduler decided went to its outbox inside the delivery's span, and left under it.
    expect(
      (
        await stack.sql.query<{ n: number }>(
          `select count(*)::int as n from scheduler.occurrences where tenant_id = $1 and $2::uuid = any(invoice_ids)`,
          [tenant.id, invoice.id],
        )
      ).rows[0].n,
    ).toBe(1);
    await waitFor(() => childrenOf(processed, PRODUCER).length > 0, "the scheduler's publish of its render job");
    // Every span of the trace hangs from another of it, but the root.
    const ids = new Set(inTrace().map((s) => s.spanId));
    expect(inTrace().filter((s) => !ids.has(s.parentSpanId))).toEqual([root]);

    // Log lines written during traced work carry its trace id and the span they were written in.
    const lines = (name: 'receivables' | 'scheduler') =>
      stack
        .process(name)
        .output.join('')
        .split('\n')
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return []; // a line cut at the start of the kept output
          }
        });
    const handled = () =>
      lines('scheduler').find((line) => line.msg === 'delivery handled' && line.queue === 'scheduler.invoice-issued');
    await waitFor(() => handled() !== undefined, "the scheduler's log line for the delivery");
    expect(handled()).toMatchObject({
      trace_id: root!.traceId,
      span_id: processed.spanId,
      messageId: published.attributes['messaging.message.id'],
    });
    const traced = [...lines('scheduler'), ...lines('receivables')].filter((line) => line.trace_id === root!.traceId);
    expect(traced.every((line) => ids.has(String(line.span_id)))).toBe(true);
    // Outside any work, none.
    expect(lines('scheduler').find((line) => line.msg === 'scheduler listening')).not.toHaveProperty('trace_id');
  });

  it('a service stopping sends what it buffered; OTEL_SERVICE_NAME names it; a refused call is a span with its code, not an error of the server', async () => {
    const tenant = await stack.tenant();
    // Nothing would leave this replica's buffer for ten minutes, but for the flush at shutdown.
    const replica = await stack.replica<receivables.ReceivablesServiceClient>('receivables', {
      OTEL_SERVICE_NAME: 'receivables-replica',
      OTEL_BSP_SCHEDULE_DELAY: '600000',
    });
    await call(replica.client.getTenant({}, tenant.auth));
    expect((await failure(replica.client.getTenant({}, new Metadata()))).code).toBe(status.UNAUTHENTICATED);
    const fromReplica = () => receiver.spans.filter((s) => s.service === 'receivables-replica');
    expect(fromReplica()).toEqual([]);

    await replica.process.stop();

    const getTenant = 'chasqui.receivables.v1.ReceivablesService/GetTenant';
    expect(
      fromReplica().map((s) => [s.name, s.kind, s.attributes['rpc.grpc.status_code'], s.status.code ?? 0]),
    ).toEqual([
      [getTenant, SERVER, status.OK, 0],
      [getTenant, SERVER, status.UNAUTHENTICATED, 0],
    ]);
  });

  it("an export the receiver refuses is a line in the service's log, not a silent loss", async () => {
    const refusing = new OtlpReceiver(true);
    const endpoint = await refusing.start();
    stack.onStop(() => refusing.stop());
    const tenant = await stack.tenant();
    const replica = await stack.replica<receivables.ReceivablesServiceClient>('receivables', {
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
    });
    await call(replica.client.getTenant({}, tenant.auth));

    const complaints = () =>
      replica.process.output
        .join('')
        .split('\n')
        .filter((line) => line.includes('"msg":"opentelemetry: '));
    await waitFor(() => complaints().length > 0, 'a log line about the refused export');
    expect(complaints()[0]).toMatch(/"level":"error".*Bad Request/);
    await replica.process.stop();
  });
});
