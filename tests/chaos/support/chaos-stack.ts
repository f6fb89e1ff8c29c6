import { Metadata } from '@grpc/grpc-js';
import { delivery, receivables, scheduler } from '@chasqui/contracts';
import { apiKeyMetadata, grpcClient } from '@chasqui/grpc';
import {
  FaultySmtp,
  PrivatePostgres,
  PrivateRabbitmq,
  runMigration,
  ServiceProcess,
  TEST_DEADLINES,
  waitFor,
} from '@chasqui/testing';
import { connect } from 'amqplib';
import { Client, Pool, type QueryResultRow } from 'pg';
import { SERVICES, serviceEnvironments, type ServiceName } from './service-env';

export { SERVICES, type ServiceName } from './service-env';

const DATABASE = 'chasqui';
/** Where the reminder flow's jobs go when they are given up on (deadQueueName of @chasqui/messaging). */
const DEAD_QUEUES = ['renderer.render-jobs.dead', 'delivery.send-jobs.dead'];
const ADMIN_TOKEN = 'chaos-admin-token';
/** A service that has not exited this long after SIGTERM is a finding, not something to wait out. */
const SIGTERM_GRACE_MS = 60_000;

/**
 * The four services as OS processes against a PostgreSQL cluster and a
 * RabbitMQ node of their own (so they can be restarted), sending to a
 * FaultySmtp. One per test file: each starts its own PostgreSQL and RabbitMQ.
 */
export class ChaosStack {
  readonly smtp = new FaultySmtp();
  readonly services = {} as Record<ServiceName, ServiceProcess>;
  /** SMTP connections delivery holds at most: the transactions a death of it can cut. */
  readonly smtpPoolSize = 2;
  postgres!: PrivatePostgres;
  rabbitmq!: PrivateRabbitmq;
  receivables!: receivables.ReceivablesServiceClient;
  scheduler!: scheduler.SchedulerServiceClient;
  delivery!: delivery.DeliveryServiceClient;
  private pool!: Pool;
  private readonly cleanups: (() => unknown)[] = [];

  async start(): Promise<void> {
    const [postgres, rabbitmq] = await Promise.allSettled([PrivatePostgres.start(), PrivateRabbitmq.start()]);
    if (postgres.status === 'fulfilled') this.cleanups.push(() => postgres.value.destroy());
    if (rabbitmq.status === 'fulfilled') this.cleanups.push(() => rabbitmq.value.destroy());
    if (postgres.status === 'rejected') throw postgres.reason;
    if (rabbitmq.status === 'rejected') throw rabbitmq.reason;
    this.postgres = postgres.value;
    this.rabbitmq = rabbitmq.value;
    await createDatabase(this.postgres.url(), DATABASE);
    this.pool = new Pool({ connectionString: this.postgres.url(DATABASE), max: 2 });
    // A restart ends idle pooled sessions; the pool drops them and opens new ones.
    this.pool.on('error', () => undefined);
    this.cleanups.push(() => this.pool.end());

    await this.smtp.start();
    this.cleanups.push(() => this.smtp.stop());
    const { envs, grpcPorts } = await serviceEnvironments({
      databaseUrl: this.postgres.url(DATABASE),
      amqpUrl: this.rabbitmq.url(),
      smtpUrl: this.smtp.url,
      smtpPoolSize: this.smtpPoolSize,
      adminToken: ADMIN_TOKEN,
    });
    // Each service migrates its own schema, with its own migrations table.
    await Promise.all(SERVICES.map((name) => runMigration(name, envs[name])));
    for (const name of SERVICES) this.services[name] = new ServiceProcess(name, envs[name]);
    this.cleanups.push(() => Promise.all(SERVICES.map((name) => this.services[name].kill())));
    await Promise.all(SERVICES.map((name) => this.services[name].start()));

    this.receivables = this.client('receivables', grpcPorts.receivables);
    this.scheduler = this.client('scheduler', grpcPorts.scheduler);
    this.delivery = this.client('delivery', grpcPorts.delivery);
  }

  adminMetadata(): Metadata {
    const metadata = new Metadata();
    metadata.set('x-admin-token', ADMIN_TOKEN);
    return metadata;
  }

  tenantMetadata(apiKey: string): Metadata {
    return apiKeyMetadata(apiKey);
  }

  /** SIGTERM, wait for the exit, start again and wait until ready. */
  async restart(name: ServiceName): Promise<void> {
    await this.terminate(name);
    await this.services[name].start();
  }

  /** SIGKILL (nothing drained, no shutdown hook), then start again and wait until ready. */
  async kill(name: ServiceName): Promise<void> {
    await this.services[name].kill();
    await this.services[name].start();
  }

  /** A deploy: each service in turn gets SIGTERM, exits, and is started again before the next one goes. */
  async rollingRestart(): Promise<void> {
    for (const name of SERVICES) await this.restart(name);
  }

  /** SIGTERM and wait for the exit; a service still running a minute later is killed and the call fails. */
  async terminate(name: ServiceName): Promise<void> {
    const service = this.services[name];
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'stuck'>((resolve) => (timer = setTimeout(() => resolve('stuck'), SIGTERM_GRACE_MS)));
    const outcome = await Promise.race([service.stop('SIGTERM').then(() => 'exited' as const), grace]);
    clearTimeout(timer);
    if (outcome === 'stuck') {
      await service.kill();
      throw new Error(`${name} did not exit within ${SIGTERM_GRACE_MS} ms of SIGTERM\n${this.outputTail(name)}`);
    }
  }

  /** Every service answers /readyz (after a fault, before the next scenario). */
  async ready(timeoutMs = 90_000): Promise<void> {
    for (const name of SERVICES) {
      const port = this.services[name].httpPort;
      await waitFor(
        () =>
          fetch(`http://127.0.0.1:${port}/readyz`).then(
            (response) => response.ok,
            () => false,
          ),
        `${name} to be ready again`,
        timeoutMs,
      );
    }
  }

  /** Messages in the dead-letter queues of the reminder flow, by queue. */
  async deadLettered(): Promise<Record<string, number>> {
    const connection = await connect(this.rabbitmq.url(), { timeout: 5_000 });
    connection.on('error', () => undefined);
    try {
      const counts: Record<string, number> = {};
      for (const queue of DEAD_QUEUES) {
        const channel = await connection.createChannel();
        counts[queue] = (await channel.checkQueue(queue)).messageCount;
        await channel.close();
      }
      return counts;
    } finally {
      await connection.close().catch(() => undefined);
    }
  }

  /** Ends whatever fault the SMTP server was told to play. */
  healSmtp(): void {
    this.smtp.recover();
    this.smtp.setPolicy(() => 'accept');
  }

  /** One query on the services' database; throws while PostgreSQL is down. */
  async sql<T extends QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query<T>(text, params)).rows;
  }

  /** The last lines a service wrote, for a failure's summary. */
  outputTail(name: ServiceName, lines = 15): string {
    return this.services[name].output.join('').trimEnd().split('\n').slice(-lines).join('\n');
  }

  async stop(): Promise<void> {
    for (const cleanup of this.cleanups.reverse()) {
      await Promise.resolve()
        .then(cleanup)
        .catch(() => undefined);
    }
  }

  private client<T extends object>(pkg: 'receivables' | 'scheduler' | 'delivery', port: number): T {
    const { service, close } = grpcClient<T>(pkg, `127.0.0.1:${port}`, TEST_DEADLINES);
    this.cleanups.push(close);
    return service;
  }
}

async function createDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}
