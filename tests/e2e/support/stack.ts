import { Metadata } from '@grpc/grpc-js';
import { delivery, operations, receivables, renderer, scheduler } from '@chasqui/contracts';
import { apiKeyMetadata, grpcClient } from '@chasqui/grpc';
import {
  createTestDatabase,
  createTestVhost,
  freePort,
  runMigration,
  ServiceProcess,
  SmtpSink,
  TEST_DEADLINES,
} from '@chasqui/testing';

const SERVICES = ['receivables', 'scheduler', 'renderer', 'delivery'] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * The four services as separate OS processes against a fresh database and a
 * fresh RabbitMQ vhost, sending to an SMTP server inside the test.
 */
export class Stack {
  readonly smtp = new SmtpSink();
  readonly services = {} as Record<ServiceName, ServiceProcess>;
  receivables!: receivables.ReceivablesServiceClient;
  scheduler!: scheduler.SchedulerServiceClient;
  delivery!: delivery.DeliveryServiceClient;
  renderer!: renderer.RendererServiceClient;
  /** Each service's dead letters (operations.v1, admin token). */
  readonly deadLetters = {} as Record<ServiceName, operations.DeadLetterServiceClient>;
  databaseUrl = '';
  /** The vhost the services use, for tests that publish as a service would. */
  amqpUrl = '';
  /** The renderer's port for statement links, and its preview page's. */
  statementPort = 0;
  previewPort = 0;
  /** Delivery's inbound SMTP port (bounces, replies) and its one-click unsubscribe port. */
  inboundPort = 0;
  unsubscribePort = 0;
  /** The key the scheduler signs statement links with and the renderer opens them with. */
  readonly statementLinkSecret = 'e2e-statement-link-secret';
  private readonly cleanups: (() => unknown)[] = [];

  /** `overrides`: a service's environment beyond the stack's own (a smaller cap, a shorter delay). */
  constructor(private readonly overrides: Partial<Record<ServiceName, Record<string, string>>> = {}) {}

  async start(): Promise<void> {
    const database = await createTestDatabase();
    this.cleanups.push(() => database.drop());
    this.databaseUrl = database.url;
    const vhost = await createTestVhost();
    this.cleanups.push(() => vhost.drop());
    this.amqpUrl = vhost.url;
    const smtpPort = await this.smtp.start();
    this.cleanups.push(() => this.smtp.stop());
    const grpcPorts = {
      receivables: await freePort(),
      scheduler: await freePort(),
      renderer: await freePort(),
      delivery: await freePort(),
    };
    this.statementPort = await freePort();
    this.previewPort = await freePort();
    this.inboundPort = await freePort();
    this.unsubscribePort = await freePort();
    const common = {
      DATABASE_URL: database.url,
      AMQP_URL: vhost.url,
      SERVICE_TOKEN: 'e2e-service-token',
      ADMIN_TOKEN: 'e2e-admin-token',
      RECEIVABLES_URL: `127.0.0.1:${grpcPorts.receivables}`,
      RENDERER_URL: `127.0.0.1:${grpcPorts.renderer}`,
      SCHEDULER_URL: `127.0.0.1:${grpcPorts.scheduler}`,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      RETRY_DELAYS_MS: '500,1000,2000',
      STATEMENT_LINK_SECRET: this.statementLinkSecret,
      STATEMENT_LINK_BASE: `http://127.0.0.1:${this.statementPort}`,
      LOG_LEVEL: 'warn',
      // Cycles run when a test says, at the instant it says.
      TICK_INTERVAL_MS: '0',
    };
    for (const name of SERVICES) {
      const env: Record<string, string> = {
        ...common,
        HTTP_PORT: String(await freePort()),
        GRPC_PORT: String(grpcPorts[name]),
        ...this.overrides[name],
      };
      if (name === 'renderer') {
        Object.assign(env, { STATEMENT_PORT: String(this.statementPort), PREVIEW_PORT: String(this.previewPort) });
      }
      if (name === 'delivery') {
        Object.assign(env, {
          INBOUND_SMTP_PORT: String(this.inboundPort),
          UNSUBSCRIBE_PORT: String(this.unsubscribePort),
          UNSUBSCRIBE_BASE: `http://127.0.0.1:${this.unsubscribePort}`,
          BOUNCE_DOMAIN: 'bounces.e2e.example',
          REPLY_DOMAIN: 'replies.e2e.example',
        });
      }
      await runMigration(name, env);
      this.services[name] = new ServiceProcess(name, env);
    }
    this.cleanups.push(() => Promise.all(SERVICES.map((name) => this.services[name].stop())));
    for (const name of SERVICES) await this.services[name].start();
    this.receivables = this.client<receivables.ReceivablesServiceClient>('receivables', grpcPorts.receivables);
    this.scheduler = this.client<scheduler.SchedulerServiceClient>('scheduler', grpcPorts.scheduler);
    this.delivery = this.client<delivery.DeliveryServiceClient>('delivery', grpcPorts.delivery);
    this.renderer = this.client<renderer.RendererServiceClient>('renderer', grpcPorts.renderer);
    for (const name of SERVICES) {
      this.deadLetters[name] = this.client<operations.DeadLetterServiceClient>('operations', grpcPorts[name]);
    }
  }

  adminMetadata(): Metadata {
    const metadata = new Metadata();
    metadata.set('x-admin-token', 'e2e-admin-token');
    return metadata;
  }

  tenantMetadata(apiKey: string): Metadata {
    return apiKeyMetadata(apiKey);
  }

  async stop(): Promise<void> {
    for (const cleanup of this.cleanups.reverse()) await cleanup();
  }

  private client<T extends object>(
    pkg: 'receivables' | 'scheduler' | 'renderer' | 'delivery' | 'operations',
    port: number,
  ): T {
    const { service, close } = grpcClient<T>(pkg, `127.0.0.1:${port}`, TEST_DEADLINES);
    this.cleanups.push(close);
    return service;
  }
}
