import { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { apiKeyMetadata, grpcClient } from '@chasqui/grpc';
import {
  createTestDatabase,
  createTestVhost,
  freePort,
  runMigration,
  ServiceProcess,
  TEST_DEADLINES,
} from '@chasqui/testing';
import { Client } from 'pg';
import { firstValueFrom } from 'rxjs';

/** receivables as its own process on a fresh database and vhost, with a client and a SQL probe. */
export class ReceivablesServer {
  client!: receivables.ReceivablesServiceClient;
  sql!: Client;
  amqpUrl = '';
  private readonly cleanups: (() => unknown)[] = [];

  async start(): Promise<void> {
    const [database, vhost] = await Promise.all([createTestDatabase(), createTestVhost()]);
    this.cleanups.push(
      () => database.drop(),
      () => vhost.drop(),
    );
    this.amqpUrl = vhost.url;
    const grpcPort = await freePort();
    const env = {
      DATABASE_URL: database.url,
      AMQP_URL: vhost.url,
      GRPC_PORT: String(grpcPort),
      HTTP_PORT: String(await freePort()),
      ADMIN_TOKEN: 'int-admin-token',
      LOG_LEVEL: 'warn',
    };
    await runMigration('receivables', env);
    const service = new ServiceProcess('receivables', env);
    this.cleanups.push(() => service.stop());
    await service.start();
    const { service: client, close } = grpcClient<receivables.ReceivablesServiceClient>(
      'receivables',
      `127.0.0.1:${grpcPort}`,
      TEST_DEADLINES,
    );
    this.client = client;
    this.cleanups.push(close);
    this.sql = new Client({ connectionString: database.url });
    await this.sql.connect();
    this.cleanups.push(() => this.sql.end());
  }

  async stop(): Promise<void> {
    for (const cleanup of this.cleanups.reverse()) await cleanup();
  }

  /** A new tenant; returns its id and the metadata that authenticates as it. */
  async tenant(overrides: Partial<receivables.CreateTenantRequest> = {}): Promise<{ id: string; auth: Metadata }> {
    const admin = new Metadata();
    admin.set('x-admin-token', 'int-admin-token');
    const request = {
      name: 'Ferretería La Paloma',
      country: 'MX',
      timeZone: 'America/Mexico_City',
      defaultCurrency: 'MXN',
      locale: 'es-MX',
      taxId: '',
      ...overrides,
    };
    const { tenant, apiKey } = await firstValueFrom(this.client.createTenant(request, admin));
    return { id: tenant!.id, auth: apiKeyMetadata(apiKey) };
  }
}
