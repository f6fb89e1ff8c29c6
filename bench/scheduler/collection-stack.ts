import { Metadata } from '@grpc/grpc-js';
import { receivables, scheduler } from '@chasqui/contracts';
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

/** receivables and scheduler as production runs them: separate processes, one database, one vhost. */
export class CollectionStack {
  receivables!: receivables.ReceivablesServiceClient;
  scheduler!: scheduler.SchedulerServiceClient;
  sql!: Client;
  amqpUrl = '';
  auth = new Metadata();
  tenantId = '';
  private readonly cleanups: (() => unknown)[] = [];

  async start(): Promise<void> {
    const [database, vhost] = await Promise.all([createTestDatabase(), createTestVhost()]);
    this.cleanups.push(
      () => database.drop(),
      () => vhost.drop(),
    );
    this.amqpUrl = vhost.url;
    const ports = { receivables: await freePort(), scheduler: await freePort() };
    const env = {
      DATABASE_URL: database.url,
      AMQP_URL: vhost.url,
      ADMIN_TOKEN: 'bench-admin-token',
      SERVICE_TOKEN: 'bench-service-token',
      RECEIVABLES_URL: `127.0.0.1:${ports.receivables}`,
      TICK_INTERVAL_MS: '0',
      LOG_LEVEL: 'warn',
    };
    for (const name of ['receivables', 'scheduler'] as const) {
      await runMigration(name, env);
      const service = new ServiceProcess(name, {
        ...env,
        GRPC_PORT: String(ports[name]),
        HTTP_PORT: String(await freePort()),
      });
      this.cleanups.push(() => service.stop());
      await service.start();
    }
    this.receivables = this.client('receivables', ports.receivables);
    this.scheduler = this.client('scheduler', ports.scheduler);
    this.sql = new Client({ connectionString: database.url });
    await this.sql.connect();
    this.cleanups.push(() => this.sql.end());

    const admin = new Metadata();
    admin.set('x-admin-token', 'bench-admin-token');
    const { tenant, apiKey } = await firstValueFrom(
      this.receivables.createTenant(
        {
          name: 'Comercializadora Bench S.A. de C.V.',
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

  async stop(): Promise<void> {
    for (const cleanup of this.cleanups.reverse()) await cleanup();
  }

  private client<T extends object>(pkg: 'receivables' | 'scheduler', port: number): T {
    const { service, close } = grpcClient<T>(pkg, `127.0.0.1:${port}`, BENCH_DEADLINES);
    this.cleanups.push(close);
    return service;
  }
}
