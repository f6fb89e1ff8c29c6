import { remoteTenantAuth, TenantAuth } from '@chasqui/grpc';
import { AmqpConnection, OutboxRelay } from '@chasqui/messaging';
import { createRegistry, JsonLogger, OpsServer } from '@chasqui/observability';
import { openOrm } from '@chasqui/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import { Module, type DynamicModule } from '@nestjs/common';
import { ormSettings, SCHEMA } from './database/orm-settings';
import type { DeliveryEnv } from './env';
import { Lifecycle, SEND_JOBS } from './lifecycle';
import { ListActivityController } from './messages/list-activity/list-activity.controller';
import { ListActivityUseCase } from './messages/list-activity/list-activity.usecase';
import { sendJobConsumer } from './messages/send-message/send-job.consumer';
import { SendMessageUseCase } from './messages/send-message/send-message.usecase';
import { Mailer } from './smtp/mailer';

@Module({})
export class AppModule {
  static register(env: DeliveryEnv, log: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      controllers: [ListActivityController],
      providers: [
        ListActivityUseCase,
        SendMessageUseCase,
        Lifecycle,
        { provide: JsonLogger, useValue: log },
        { provide: 'HTTP_PORT', useValue: env.HTTP_PORT },
        { provide: 'MAIL_DOMAIN', useValue: env.MAIL_DOMAIN },
        { provide: MikroORM, useFactory: () => openOrm(ormSettings(env.DATABASE_URL)) },
        { provide: TenantAuth, useFactory: () => remoteTenantAuth(env.RECEIVABLES_URL, env.SERVICE_TOKEN) },
        { provide: Mailer, useFactory: () => new Mailer(env.SMTP_URL, env.SMTP_POOL_SIZE, env.MAIL_FROM) },
        { provide: AmqpConnection, useFactory: () => new AmqpConnection(env.AMQP_URL, log, 'delivery') },
        {
          provide: OutboxRelay,
          inject: [MikroORM, AmqpConnection],
          useFactory: (orm: MikroORM, amqp: AmqpConnection) => new OutboxRelay({ orm, schema: SCHEMA, amqp, log }),
        },
        {
          provide: SEND_JOBS,
          inject: [AmqpConnection, SendMessageUseCase],
          useFactory: (amqp: AmqpConnection, sendMessage: SendMessageUseCase) =>
            sendJobConsumer(amqp, log, sendMessage, {
              prefetch: env.AMQP_PREFETCH,
              retryDelaysMs: env.RETRY_DELAYS_MS,
            }),
        },
        {
          provide: OpsServer,
          inject: [MikroORM, AmqpConnection],
          useFactory: (orm: MikroORM, amqp: AmqpConnection) =>
            new OpsServer(createRegistry('delivery'), [
              { name: 'database', check: () => orm.isConnected() },
              { name: 'broker', check: () => amqp.isConnected() },
            ]),
        },
      ],
    };
  }
}
