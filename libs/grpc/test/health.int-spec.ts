import 'reflect-metadata';
import { status } from '@grpc/grpc-js';
import { OpsServer } from '@chasqui/observability';
import { freePort, waitFor } from '@chasqui/testing';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GrpcMethod } from '@nestjs/microservices';
import { Registry } from 'prom-client';
import { grpcServerOptions } from '../src';
import { GrpcHealth } from '../src/grpc-health';
import { HealthClient } from './support/standard-clients';

jest.setTimeout(30_000);

@Controller()
class NothingController {
  @GrpcMethod('ReceivablesService', 'GetStatement')
  statement(): object {
    return {};
  }
}

@Module({ controllers: [NothingController] })
class NothingModule {}

const RECEIVABLES = 'chasqui.receivables.v1.ReceivablesService';
const OPERATIONS = 'chasqui.operations.v1.DeadLetterService';

describe('the gRPC health service of a server', () => {
  let app: INestMicroservice;
  let health: HealthClient;
  let databaseUp = true;
  let asked = 0;
  // The ops port's own readiness, as startGrpcService wires it (never listening here).
  const ops = new OpsServer(new Registry(), [{ name: 'database', check: () => databaseUp }]);

  beforeAll(async () => {
    const port = await freePort();
    const grpcHealth = new GrpcHealth(async () => {
      asked++;
      return (await ops.readiness()).ready;
    }, 100);
    app = await NestFactory.createMicroservice(NothingModule, {
      ...grpcServerOptions('receivables', '127.0.0.1', port, [], grpcHealth),
      logger: false,
    });
    await app.listen();
    health = new HealthClient(`127.0.0.1:${port}`);
  });
  afterAll(async () => {
    health?.close();
    await app?.close();
  });

  it('is NOT_SERVING until the service takes work, then SERVING for the server and each of its services', async () => {
    expect(await health.check('')).toBe('NOT_SERVING');
    expect(await health.check(RECEIVABLES)).toBe('NOT_SERVING');
    ops.serve();
    expect(await health.check('')).toBe('SERVING');
    expect(await health.check(RECEIVABLES)).toBe('SERVING');
    expect(await health.check(OPERATIONS)).toBe('SERVING');
  });

  it('answers NOT_FOUND for a service the server does not have', async () => {
    await expect(health.check('chasqui.nowhere.v1.NoService')).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  it('asks the readiness checks on every Check: NOT_SERVING while the database is down, SERVING once it is back', async () => {
    const before = asked;
    databaseUp = false;
    expect(await health.check(RECEIVABLES)).toBe('NOT_SERVING');
    expect(await health.check('')).toBe('NOT_SERVING');
    databaseUp = true;
    expect(await health.check(RECEIVABLES)).toBe('SERVING');
    expect(asked - before).toBe(3);
  });

  it('tells a Watch the current status at once and every change after it', async () => {
    const watch = health.watch(RECEIVABLES);
    try {
      await waitFor(() => watch.statuses.length === 1, 'the first status');
      expect(watch.statuses).toEqual(['SERVING']);
      databaseUp = false;
      await waitFor(() => watch.statuses.length === 2, 'the change to NOT_SERVING');
      databaseUp = true;
      await waitFor(() => watch.statuses.length === 3, 'the change back to SERVING');
      expect(watch.statuses).toEqual(['SERVING', 'NOT_SERVING', 'SERVING']);
    } finally {
      watch.cancel();
    }
  });

  it('tells a Watch of a service it does not know SERVICE_UNKNOWN, without ending the call', async () => {
    const watch = health.watch('chasqui.nowhere.v1.NoService');
    try {
      await waitFor(() => watch.statuses.length === 1, 'the first status');
      expect(watch.statuses).toEqual(['SERVICE_UNKNOWN']);
    } finally {
      watch.cancel();
    }
  });

  it('is NOT_SERVING from the moment the service starts draining (shutdown), its dependencies up or not', async () => {
    expect(await health.check('')).toBe('SERVING');
    ops.drain();
    expect(await health.check('')).toBe('NOT_SERVING');
    expect(await health.check(RECEIVABLES)).toBe('NOT_SERVING');
  });
});
