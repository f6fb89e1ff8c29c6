import type { Metadata } from '@grpc/grpc-js';
import type { GrpcPackage, receivables } from '@chasqui/contracts';
import { Client } from 'pg';
import { firstValueFrom } from 'rxjs';
import { TEST_DEADLINES } from './deadlines';
import { aTenant } from './factories/tenant.factory';
import { freePort } from './free-port';
import { runMigration, ServiceProcess } from './service-process';
import { createTestDatabase, type TestResource } from './test-database';
import { createTestVhost } from './test-vhost';

export type ServiceName = 'receivables' | 'scheduler' | 'renderer' | 'delivery';

export interface ServiceStackOptions {
  /** The services to run as processes, migrated and started in this order. */
  services: readonly ServiceName[];
  /** Environment every service gets beyond the stack's own (a log level, a shorter delay). */
  env?: Record<string, string>;
  /** Environment of one service only (its extra ports, a smaller cap); wins over `env`. */
  serviceEnv?: Partial<Record<ServiceName, Record<string, string>>>;
}

/** A tenant created through receivables' CreateTenant, with the API key it was given. */
export interface TestTenant {
  id: string;
  apiKey: string;
  /** The metadata that authenticates a call as this tenant. */
  auth: Metadata;
}

/** The tokens a stack's services accept from the operator and from each other. */
export const STACK_TOKENS = { admin: 'int-admin-token', service: 'int-service-token' } as const;

/**
 * Services as OS processes (from apps/<name>/dist) on a fresh database and a
 * fresh RabbitMQ vhost, each migrated before it starts, with a SQL probe,
 * typed gRPC clients and tenants created as an operator would. One per test
 * file; stop() ends the processes, closes the clients and drops both.
 */
export class ServiceStack {
  /** Every service's environment but its own ports; `<NAME>_URL` points at each service's gRPC port. */
  readonly env: Record<string, string>;
  private readonly processes = new Map<ServiceName, ServiceProcess>();
  private readonly clients = new Map<string, unknown>();
  private readonly cleanups: (() => unknown)[] = [];
  private grpc!: typeof import('@chasqui/grpc');
  private grpcJs!: typeof import('@grpc/grpc-js');
  sql!: Client;

  private constructor(
    readonly database: TestResource,
    readonly vhost: TestResource,
    private readonly grpcPorts: Record<ServiceName, number>,
    private readonly options: ServiceStackOptions,
  ) {
    this.cleanups.push(
      () => database.drop(),
      () => vhost.drop(),
    );
    this.env = {
      DATABASE_URL: database.url,
      AMQP_URL: vhost.url,
      ADMIN_TOKEN: STACK_TOKENS.admin,
      SERVICE_TOKEN: STACK_TOKENS.service,
      RECEIVABLES_URL: `127.0.0.1:${grpcPorts.receivables}`,
      SCHEDULER_URL: `127.0.0.1:${grpcPorts.scheduler}`,
      RENDERER_URL: `127.0.0.1:${grpcPorts.renderer}`,
      LOG_LEVEL: process.env.SERVICE_LOG_LEVEL ?? 'warn',
      ...options.env,
    };
  }

  static async start(options: ServiceStackOptions): Promise<ServiceStack> {
    const [database, vhost] = await Promise.all([createTestDatabase(), createTestVhost()]);
    const grpcPorts = {
      receivables: await freePort(),
      scheduler: await freePort(),
      renderer: await freePort(),
      delivery: await freePort(),
    };
    const stack = new ServiceStack(database, vhost, grpcPorts, options);
    try {
      await stack.boot();
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  get databaseUrl(): string {
    return this.database.url;
  }

  /** The vhost the services use, for tests that publish or consume as a service would. */
  get amqpUrl(): string {
    return this.vhost.url;
  }

  /** host:port of a service's gRPC server. */
  grpcAddress(name: ServiceName): string {
    return `127.0.0.1:${this.grpcPorts[name]}`;
  }

  grpcPort(name: ServiceName): number {
    return this.grpcPorts[name];
  }

  /** The OS process of a service (its output, its pid, kill() and stop()). */
  process(name: ServiceName): ServiceProcess {
    const service = this.processes.get(name);
    if (!service) throw new Error(`${name} is not one of this stack's services`);
    return service;
  }

  /** A typed client of `pkg` served by `service` (by default the service of that name); closed by stop(). */
  client<T extends object>(pkg: GrpcPackage, service: ServiceName = pkg as ServiceName): T {
    const key = `${pkg}@${service}`;
    if (!this.clients.has(key)) this.clients.set(key, this.connect<T>(pkg, this.grpcAddress(service)));
    return this.clients.get(key) as T;
  }

  get receivables(): receivables.ReceivablesServiceClient {
    return this.client<receivables.ReceivablesServiceClient>('receivables');
  }

  /** One more process of a service on the same database and vhost, on ports of its own; returns its client. */
  async replica<T extends object>(
    name: ServiceName,
    extraEnv: Record<string, string> = {},
  ): Promise<{ client: T; process: ServiceProcess }> {
    const port = await freePort();
    const replica = new ServiceProcess(name, {
      ...this.serviceEnv(name),
      GRPC_PORT: String(port),
      HTTP_PORT: String(await freePort()),
      ...extraEnv,
    });
    this.cleanups.push(() => replica.stop());
    await replica.start();
    return { client: this.connect<T>(name, `127.0.0.1:${port}`), process: replica };
  }

  /** A new tenant (aTenant's defaults unless overridden), created with the operator's token. */
  async tenant(overrides: Partial<receivables.CreateTenantRequest> = {}): Promise<TestTenant> {
    const { tenant, apiKey } = await firstValueFrom(this.receivables.createTenant(aTenant(overrides), this.admin()));
    return { id: tenant!.id, apiKey, auth: this.grpc.apiKeyMetadata(apiKey) };
  }

  /** The operator's credential. */
  admin(): Metadata {
    const metadata = new this.grpcJs.Metadata();
    metadata.set('x-admin-token', STACK_TOKENS.admin);
    return metadata;
  }

  /** The credential of a tenant's API key. */
  tenantAuth(apiKey: string): Metadata {
    return this.grpc.apiKeyMetadata(apiKey);
  }

  /** Something to undo when the stack stops, before what was set up ahead of it. */
  onStop(cleanup: () => unknown): void {
    this.cleanups.push(cleanup);
  }

  async stop(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0).reverse()) await cleanup();
  }

  private async boot(): Promise<void> {
    // Loaded here, not at the top: unit specs take corpusPath from this library and must not pay for gRPC.
    [this.grpc, this.grpcJs] = await Promise.all([import('@chasqui/grpc'), import('@grpc/grpc-js')]);
    for (const name of this.options.services) await runMigration(name, this.serviceEnv(name));
    for (const name of this.options.services) {
      const service = new ServiceProcess(name, {
        ...this.serviceEnv(name),
        GRPC_PORT: String(this.grpcPorts[name]),
        HTTP_PORT: String(await freePort()),
      });
      this.cleanups.push(() => service.stop());
      this.processes.set(name, service);
      await service.start();
    }
    this.sql = new Client({ connectionString: this.database.url });
    await this.sql.connect();
    this.cleanups.push(() => this.sql.end());
  }

  private serviceEnv(name: ServiceName): Record<string, string> {
    return { ...this.env, ...this.options.serviceEnv?.[name] };
  }

  private connect<T extends object>(pkg: GrpcPackage, address: string): T {
    const { service, close } = this.grpc.grpcClient<T>(pkg, address, TEST_DEADLINES);
    this.cleanups.push(close);
    return service;
  }
}
