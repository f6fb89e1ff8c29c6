import { AmqpConnection, OutboxRelay } from '@chasqui/messaging';
import { OpsServer, stopTracing } from '@chasqui/observability';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';

/** Where the ops port listens: `{ host, port }`. */
export const HTTP_LISTEN = Symbol('HTTP_LISTEN');
export const CONSUMERS = Symbol('CONSUMERS');
export const RESOURCES = Symbol('RESOURCES');

/** A queue consumer, as far as starting and draining go. */
export interface Worker {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Something a service opens before it takes work and closes after it drained (a browser, an SMTP pool, a client). */
export interface Resource {
  open?(): Promise<void>;
  close(): Promise<void> | void;
}

/**
 * The same order in every service. Up: the ops port, the resources, the
 * outbox relay, then the consumers (never consume before the app is ready).
 * Down: /readyz fails, consumers stop and let in-flight work finish, the
 * relay publishes what that work queued, then everything closes.
 */
@Injectable()
export class PlatformLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly ops: OpsServer,
    private readonly relay: OutboxRelay,
    private readonly amqp: AmqpConnection,
    private readonly orm: MikroORM,
    @Inject(HTTP_LISTEN) private readonly http: { host: string; port: number },
    @Inject(CONSUMERS) private readonly consumers: Worker[],
    @Inject(RESOURCES) private readonly resources: Resource[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ops.listen(this.http.port, this.http.host);
    for (const resource of this.resources) await resource.open?.();
    this.relay.start();
    for (const consumer of this.consumers) await consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.ops.drain();
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const resource of [...this.resources].reverse()) await resource.close();
    await this.amqp.close();
    await this.orm.close();
    await this.ops.close();
    await stopTracing();
  }
}
