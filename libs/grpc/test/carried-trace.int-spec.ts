import 'reflect-metadata';
import { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { activeTracer, currentSpanContext } from '@chasqui/observability';
import { freePort } from '@chasqui/testing';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GrpcMethod } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { grpcClient, grpcServerOptions } from '../src';
import { grpcServerTracing } from '../src/grpc-tracing';

jest.setTimeout(30_000);

/** The trace each call's handler found itself in (customer id → trace id), and the client it calls on with. */
const seen = new Map<string, string | undefined>();
let onward: receivables.ReceivablesServiceClient | undefined;

@Controller()
class StatementsController {
  @GrpcMethod('ReceivablesService', 'GetStatement')
  async statement(request: receivables.GetStatementRequest): Promise<receivables.GetStatementResponse> {
    await new Promise((resolve) => setImmediate(resolve)); // the handler's awaits keep it
    seen.set(request.customerId, currentSpanContext()?.traceId);
    // A call on to another service, naming no traceparent itself.
    if (request.customerId.startsWith('first') && onward) {
      await firstValueFrom(onward.getStatement({ ...request, customerId: `then-${request.customerId}` }));
    }
    return receivables.GetStatementResponse.decode(new Uint8Array());
  }
}

@Module({ controllers: [StatementsController] })
class StatementsModule {}

async function startServer(): Promise<{ app: INestMicroservice; port: number }> {
  const port = await freePort();
  const app = await NestFactory.createMicroservice(StatementsModule, {
    ...grpcServerOptions('receivables', '127.0.0.1', port, [grpcServerTracing]),
    logger: false,
  });
  await app.listen();
  return { app, port };
}

/**
 * Tracing off (no collector), a call's traceparent still names the trace its
 * work belongs to: the handler runs in it (its log lines carry the trace id)
 * and the calls it makes on carry it to the next service.
 */
describe('the trace a gRPC call carries in, with tracing off', () => {
  let first: Awaited<ReturnType<typeof startServer>>;
  let second: Awaited<ReturnType<typeof startServer>>;
  let clients: Array<{ close(): void }> = [];
  let client: receivables.ReceivablesServiceClient;

  beforeAll(async () => {
    expect(activeTracer()).toBeUndefined();
    [first, second] = [await startServer(), await startServer()];
    const toSecond = grpcClient<receivables.ReceivablesServiceClient>('receivables', `127.0.0.1:${second.port}`);
    const toFirst = grpcClient<receivables.ReceivablesServiceClient>('receivables', `127.0.0.1:${first.port}`);
    clients = [toSecond, toFirst];
    onward = toSecond.service;
    client = toFirst.service;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await first?.app.close();
    await second?.app.close();
  });

  const call = (customerId: string, traceparent?: string) => {
    const metadata = new Metadata();
    if (traceparent) metadata.set('traceparent', traceparent);
    return firstValueFrom(
      client.getStatement(
        { customerId, asOf: '2026-12-01', scope: receivables.StatementScope.STATEMENT_SCOPE_ALL_OPEN },
        metadata,
      ),
    );
  };

  it('runs the handler in the caller trace, and carries it to the service the handler calls', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await call('first-a', `00-${traceId}-00f067aa0ba902b7-01`);
    expect(seen.get('first-a')).toBe(traceId);
    expect(seen.get('then-first-a')).toBe(traceId);
  });

  it('keeps concurrent calls in their own traces', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `${String(i).repeat(8)}aaaabbbbccccddddeeeeffff`.slice(0, 32));
    await Promise.all(ids.map((id, i) => call(`first-${i}`, `00-${id}-00f067aa0ba902b7-01`)));
    ids.forEach((id, i) => {
      expect(seen.get(`first-${i}`)).toBe(id);
      expect(seen.get(`then-first-${i}`)).toBe(id);
    });
  });

  it('carries nothing for a call without a traceparent, or with a malformed one', async () => {
    await call('first-none');
    await call('first-bad', 'not-a-traceparent');
    for (const name of ['first-none', 'then-first-none', 'first-bad', 'then-first-bad']) {
      expect(seen.has(name)).toBe(true);
      expect(seen.get(name)).toBeUndefined();
    }
  });
});
