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
import { ReceivablesClient } from './grpc/receivables.client';
import { ChromiumPool } from './pdf/chromium-pool';

export const RENDER_JOBS = Symbol('RENDER_JOBS');

/**
 * Warms Chromium before consuming; on shutdown stops taking jobs, lets the
 * renders in flight finish and their send jobs leave, then closes.
 */
@Injectable()
export class Lifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly ops: OpsServer,
    private readonly relay: OutboxRelay,
    private readonly amqp: AmqpConnection,
    private readonly orm: MikroORM,
    private readonly chromium: ChromiumPool,
    private readonly receivables: ReceivablesClient,
    @Inject(RENDER_JOBS) private readonly renderJobs: Consumer<unknown>,
    @Inject(HTTP_PORT) private readonly httpPort: number,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ops.listen(this.httpPort);
    await this.chromium.start();
    this.relay.start();
    await this.renderJobs.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.ops.drain();
    await this.renderJobs.stop();
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.chromium.stop();
    this.receivables.close();
    await this.amqp.close();
    await this.orm.close();
    await this.ops.close();
  }
}
