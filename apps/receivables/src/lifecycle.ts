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

export const BOUNCES = Symbol('BOUNCES');

/** Starts the background parts after boot and drains them, in order, on shutdown. */
@Injectable()
export class Lifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly ops: OpsServer,
    private readonly relay: OutboxRelay,
    private readonly amqp: AmqpConnection,
    private readonly orm: MikroORM,
    @Inject(BOUNCES) private readonly bounces: Consumer<unknown>,
    @Inject(HTTP_PORT) private readonly httpPort: number,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ops.listen(this.httpPort);
    this.relay.start();
    await this.bounces.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.ops.drain();
    await this.bounces.stop();
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.amqp.close();
    await this.orm.close();
    await this.ops.close();
  }
}
