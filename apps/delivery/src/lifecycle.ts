import { AmqpConnection, Consumer, OutboxRelay } from '@chasqui/messaging';
import { OpsServer } from '@chasqui/observability';
import { HTTP_PORT } from '@chasqui/platform';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Mailer } from './smtp/mailer';

export const SEND_JOBS = Symbol('SEND_JOBS');

/**
 * Consumes only once the app is fully up; on shutdown stops taking work,
 * lets in-flight sends finish and their events leave, then closes.
 */
@Injectable()
export class Lifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly ops: OpsServer,
    private readonly relay: OutboxRelay,
    private readonly amqp: AmqpConnection,
    private readonly orm: MikroORM,
    private readonly mailer: Mailer,
    @Inject(SEND_JOBS) private readonly sendJobs: Consumer<unknown>,
    @Inject(HTTP_PORT) private readonly httpPort: number,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ops.listen(this.httpPort);
    this.relay.start();
    await this.sendJobs.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.ops.drain();
    await this.sendJobs.stop();
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    this.mailer.close();
    await this.amqp.close();
    await this.orm.close();
    await this.ops.close();
  }
}
