import { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { apiKeyMetadata, grpcClient } from '@chasqui/grpc';
import {
  BENCH_DEADLINES,
  createTestDatabase,
  createTestVhost,
  freePort,
  runMigration,
  ServiceProcess,
} from '@chasqui/testing';
import { Client } from 'pg';
import { firstValueFrom } from 'rxjs';

/** receivables as in production: its own process, its own database and vhost, migrated first. */
export class LedgerUnderTest {
  client!: receivables.ReceivablesServiceClient;
  sql!: Client;
  url = '';
  auth = new Metadata();
  tenantId = '';
  private readonly cleanups: (() => unknown)[] = [];

  async start(): Promise<void> {
    // Each resource is registered for cleanup as soon as it exists, so stop() undoes a start that failed halfway.
    const database = await createTestDatabase();
    this.cleanups.push(() => database.drop());
    const vhost = await createTestVhost();
    this.cleanups.push(() => vhost.drop());
    const port = await freePort();
    const env = {
      DATABASE_URL: database.url,
      AMQP_URL: vhost.url,
      GRPC_PORT: String(port),
      HTTP_PORT: String(await freePort()),
      ADMIN_TOKEN: 'bench-admin-token',
      LOG_LEVEL: 'warn',
    };
    await runMigration('receivables', env);
    const service = new ServiceProcess('receivables', env);
    this.cleanups.push(() => service.stop());
    await service.start();
    this.url = `127.0.0.1:${port}`;
    const { service: client, close } = grpcClient<receivables.ReceivablesServiceClient>(
      'receivables',
      this.url,
      BENCH_DEADLINES,
    );
    this.client = client;
    this.cleanups.push(close);
    this.sql = new Client({ connectionString: database.url });
    await this.sql.connect();
    this.cleanups.push(() => this.sql.end());

    const admin = new Metadata();
    admin.set('x-admin-token', 'bench-admin-token');
    const { tenant, apiKey } = await firstValueFrom(
      client.createTenant(
        {
          name: 'Distribuidora Bench S.A. de C.V.',
          country: 'MX',
          timeZone: 'America/Mexico_City',
          defaultCurrency: 'MXN',
          locale: 'es-MX',
          taxId: '',
        },
        admin,
      ),
    );
    this.tenantId = tenant!.id;
    this.auth = apiKeyMetadata(apiKey);
  }

  /** `count` customers, external ids C0…, created 16 at a time; returns their ids in order. */
  async customers(count: number, prefix = 'C'): Promise<string[]> {
    const ids: string[] = new Array<string>(count);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < count; i = next++) {
        const { customer } = await firstValueFrom(
          this.client.createCustomer(
            {
              externalId: `${prefix}${i}`,
              legalName: `Cliente ${i}`,
              taxId: '',
              timeZone: '',
              locale: '',
              contacts: [],
            },
            this.auth,
          ),
        );
        ids[i] = customer!.id;
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    return ids;
  }

  /** Undoes start() in reverse, as far as it got; one failed step does not skip the rest. */
  async stop(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error('cleanup failed:', error);
      }
    }
  }
}
