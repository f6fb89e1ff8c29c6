import 'reflect-metadata';
import { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { NotFound } from '@chasqui/errors';
import { JsonLogger } from '@chasqui/observability';
import { freePort } from '@chasqui/testing';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GrpcMethod } from '@nestjs/microservices';
import { Registry } from 'prom-client';
import { firstValueFrom } from 'rxjs';
import { DomainErrorFilter, grpcClient, grpcServerOptions, GrpcServerMetrics } from '../src';

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

/** The series a scrape shows, as "name{labels} value" lines without the HELP and TYPE lines. */
async function series(registry: Registry, name: string): Promise<string[]> {
  return (await registry.metrics()).split('\n').filter((line) => line.startsWith(`${name}{`));
}

describe('gRPC server metrics', () => {
  let app: INestMicroservice;
  let client: { service: receivables.ReceivablesServiceClient; close: () => void };
  const registry = new Registry();

  beforeAll(async () => {
    const port = await freePort();
    const metrics = new GrpcServerMetrics();
    app = await NestFactory.createMicroservice(StatementsModule, {
      ...grpcServerOptions('receivables', '127.0.0.1', port, [metrics.interceptor]),
      logger: false,
    });
    app.useGlobalFilters(new DomainErrorFilter(new JsonLogger('metrics-test', 'error')));
    await app.listen();
    metrics.registerOn(registry);
    client = grpcClient<receivables.ReceivablesServiceClient>('receivables', `127.0.0.1:${port}`);
  });
  afterAll(async () => {
    client?.close();
    await app?.close();
  });

  it('counts each call by method and the status code the client received, and times it', async () => {
    const call = (customerId: string) =>
      firstValueFrom(
        client.service.getStatement(
          { ...receivables.GetStatementRequest.decode(new Uint8Array()), customerId },
          new Metadata(),
        ),
      );
    await call('c-1');
    await call('c-2');
    await expect(call('gone')).rejects.toMatchObject({ code: 5 });

    const method = 'grpc_service="chasqui.receivables.v1.ReceivablesService",method="GetStatement"';
    expect(await series(registry, 'grpc_server_handled_total')).toEqual([
      `grpc_server_handled_total{${method},code="OK"} 2`,
      `grpc_server_handled_total{${method},code="NOT_FOUND"} 1`,
    ]);
    expect(await series(registry, 'grpc_server_handling_seconds_count')).toEqual([
      `grpc_server_handling_seconds_count{${method}} 3`,
    ]);
  });
});
