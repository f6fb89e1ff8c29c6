import 'reflect-metadata';
import { Metadata, status } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { NotFound } from '@chasqui/errors';
import { JsonLogger } from '@chasqui/observability';
import { freePort } from '@chasqui/testing';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GrpcMethod } from '@nestjs/microservices';
import { Registry } from 'prom-client';
import { firstValueFrom } from 'rxjs';
import { DomainErrorFilter, grpcClient, GrpcClientMetrics, grpcServerOptions, GrpcServerMetrics } from '../src';

jest.setTimeout(30_000);

@Controller()
class StatementsController {
  @GrpcMethod('ReceivablesService', 'GetStatement')
  statement(request: receivables.GetStatementRequest): receivables.GetStatementResponse {
    if (request.customerId === 'gone') throw new NotFound('CUSTOMER.NOT_FOUND', 'customer_id', 'no such customer');
    return receivables.GetStatementResponse.decode(new Uint8Array());
  }
}

@Module({ controllers: [StatementsController] })
class StatementsModule {}

/** A real grpc-js server (through Nest, as the services run) that counts the calls it answers. */
async function startServer(): Promise<{ app: INestMicroservice; port: number; answered: () => Promise<number> }> {
  const port = await freePort();
  const metrics = new GrpcServerMetrics();
  const registry = new Registry();
  metrics.registerOn(registry);
  const app = await NestFactory.createMicroservice(StatementsModule, {
    ...grpcServerOptions('receivables', '127.0.0.1', port, [metrics.interceptor]),
    logger: false,
  });
  app.useGlobalFilters(new DomainErrorFilter(new JsonLogger('client-test', 'error')));
  await app.listen();
  const answered = async () =>
    (await registry.getSingleMetric('grpc_server_handled_total')!.get()).values.reduce((sum, v) => sum + v.value, 0);
  return { app, port, answered };
}

/** The series a scrape shows, as "name{labels} value" lines without the HELP and TYPE lines. */
async function series(registry: Registry, name: string): Promise<string[]> {
  return (await registry.metrics()).split('\n').filter((line) => line.startsWith(`${name}{`));
}

const statement = (client: receivables.ReceivablesServiceClient, customerId: string) =>
  firstValueFrom(
    client.getStatement({ ...receivables.GetStatementRequest.decode(new Uint8Array()), customerId }, new Metadata()),
  );

describe('a client of another service', () => {
  let servers: Awaited<ReturnType<typeof startServer>>[] = [];

  beforeAll(async () => {
    servers = [await startServer(), await startServer()];
  });
  afterAll(async () => {
    for (const { app } of servers) await app.close();
  });

  it('spreads its calls round robin over every address its target resolves to', async () => {
    const target = `ipv4:${servers.map(({ port }) => `127.0.0.1:${port}`).join(',')}`;
    const before = await Promise.all(servers.map(({ answered }) => answered()));
    const client = grpcClient<receivables.ReceivablesServiceClient>('receivables', target);
    try {
      for (let i = 0; i < 40; i++) await statement(client.service, `c-${i}`);
    } finally {
      client.close();
    }
    const calls = (await Promise.all(servers.map(({ answered }) => answered()))).map((n, i) => n - before[i]);
    expect(calls[0] + calls[1]).toBe(40);
    // Round robin alternates once both connections are up; pick_first would send all 40 to one.
    expect(Math.min(...calls)).toBeGreaterThanOrEqual(10);
  });

  it('counts its calls by method and the status code they ended with, and times them', async () => {
    const metrics = new GrpcClientMetrics();
    const registry = new Registry();
    metrics.registerOn(registry);
    metrics.registerOn(registry); // again: harmless
    const up = grpcClient<receivables.ReceivablesServiceClient>(
      'receivables',
      `127.0.0.1:${servers[0].port}`,
      undefined,
      metrics,
    );
    // Nothing listens there: the call fails on the client's side, never reaching a server.
    const down = grpcClient<receivables.ReceivablesServiceClient>(
      'receivables',
      `127.0.0.1:${await freePort()}`,
      undefined,
      metrics,
    );
    try {
      await statement(up.service, 'c-1');
      await statement(up.service, 'c-2');
      await expect(statement(up.service, 'gone')).rejects.toMatchObject({ code: status.NOT_FOUND });
      await expect(statement(down.service, 'c-3')).rejects.toMatchObject({ code: status.UNAVAILABLE });
    } finally {
      up.close();
      down.close();
    }

    const method = 'grpc_service="chasqui.receivables.v1.ReceivablesService",method="GetStatement"';
    expect(await series(registry, 'grpc_client_handled_total')).toEqual([
      `grpc_client_handled_total{${method},code="OK"} 2`,
      `grpc_client_handled_total{${method},code="NOT_FOUND"} 1`,
      `grpc_client_handled_total{${method},code="UNAVAILABLE"} 1`,
    ]);
    expect(await series(registry, 'grpc_client_handling_seconds_count')).toEqual([
      `grpc_client_handling_seconds_count{${method}} 4`,
    ]);
  });
});
