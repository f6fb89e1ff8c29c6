import { Metadata } from '@grpc/grpc-js';
import { receivables, scheduler } from '@chasqui/contracts';
import { apiKeyMetadata, grpcClient } from '@chasqui/grpc';
import {
  createTestDatabase,
  createTestVhost,
  freePort,
  runMigration,
  ServiceProcess,
  TEST_DEADLINES,
  waitFor,
} from '@chasqui/testing';
import { Client } from 'pg';
import { firstValueFrom } from 'rxjs';
import { days, instant } from './ledger';

/**
 * receivables (the ledger and the keys) and scheduler as processes on a fresh
 * database and vhost, with clients and a SQL probe. Further scheduler
 * processes can join the same database (several replicas).
 */
export class SchedulerStack {
  receivables!: receivables.ReceivablesServiceClient;
  scheduler!: scheduler.SchedulerServiceClient;
  sql!: Client;
  private env: Record<string, string> = {};

  /** The vhost the services use, for tests that publish events themselves. */
  get amqpUrl(): string {
    return this.env.AMQP_URL;
  }

  /** The database the services use, for tests that need a connection of their own (e.g. to hold a lock). */
  get databaseUrl(): string {
    return this.env.DATABASE_URL;
  }
  private readonly cleanups: (() => unknown)[] = [];

  async start(): Promise<void> {
    const [database, vhost] = await Promise.all([createTestDatabase(), createTestVhost()]);
    this.cleanups.push(
      () => database.drop(),
      () => vhost.drop(),
    );
    const receivablesPort = await freePort();
    this.env = {
      DATABASE_URL: database.url,
      AMQP_URL: vhost.url,
      SERVICE_TOKEN: 'int-service-token',
      ADMIN_TOKEN: 'int-admin-token',
      RECEIVABLES_URL: `127.0.0.1:${receivablesPort}`,
      LOG_LEVEL: 'warn',
      // Cycles run when a test says, at the instant it says.
      TICK_INTERVAL_MS: '0',
    };
    await runMigration('receivables', this.env);
    await runMigration('scheduler', this.env);
    const ledger = new ServiceProcess('receivables', {
      ...this.env,
      GRPC_PORT: String(receivablesPort),
      HTTP_PORT: String(await freePort()),
    });
    this.cleanups.push(() => ledger.stop());
    await ledger.start();
    this.receivables = this.client<receivables.ReceivablesServiceClient>('receivables', receivablesPort);
    this.scheduler = await this.replica();
    this.sql = new Client({ connectionString: database.url });
    await this.sql.connect();
    this.cleanups.push(() => this.sql.end());
  }

  /** One more scheduler process on the same database; returns its client. */
  async replica(extraEnv: Record<string, string> = {}): Promise<scheduler.SchedulerServiceClient> {
    const port = await freePort();
    const process = new ServiceProcess('scheduler', {
      ...this.env,
      GRPC_PORT: String(port),
      HTTP_PORT: String(await freePort()),
      ...extraEnv,
    });
    this.cleanups.push(() => process.stop());
    await process.start();
    return this.client<scheduler.SchedulerServiceClient>('scheduler', port);
  }

  async stop(): Promise<void> {
    for (const cleanup of this.cleanups.reverse()) await cleanup();
  }

  /**
   * Waits until receivables' customer.changed has reached the scheduler for
   * each customer (deleted or not, as said): the scheduler refuses policy for
   * a customer it has not heard of, as a caller would see right after CreateCustomer.
   */
  async announced(customerIds: string[], deleted = false): Promise<void> {
    await waitFor(
      async () => {
        const { rows } = await this.sql.query<{ n: number }>(
          `select count(*)::int as n from scheduler.customer_policies
          where customer_id = any($1::uuid[]) and known and deleted = $2`,
          [customerIds, deleted],
        );
        return rows[0].n === new Set(customerIds).size;
      },
      `the scheduler to hear of customers ${customerIds.join(', ')}`,
    );
  }

  /** One cycle a day from `from` to `to` (inclusive), each at `utcTime` — 12:00 in Mexico City by default. */
  async runDaily(auth: Metadata, from: string, to: string, utcTime = '18:00:00Z'): Promise<void> {
    for (const day of days(from, to)) {
      await firstValueFrom(this.scheduler.runCycle({ asOf: instant(`${day}T${utcTime}`) }, auth));
    }
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
    const { tenant, apiKey } = await firstValueFrom(this.receivables.createTenant(request, admin));
    return { id: tenant!.id, auth: apiKeyMetadata(apiKey) };
  }

  private client<T extends object>(pkg: 'receivables' | 'scheduler', port: number): T {
    const { service, close } = grpcClient<T>(pkg, `127.0.0.1:${port}`, TEST_DEADLINES);
    this.cleanups.push(close);
    return service;
  }
}
