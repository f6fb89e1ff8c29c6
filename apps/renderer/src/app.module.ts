import { AmqpConnection, OutboxRelay } from '@chasqui/messaging';
import { createRegistry, JsonLogger, OpsServer } from '@chasqui/observability';
import { openOrm } from '@chasqui/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import { Module, type DynamicModule } from '@nestjs/common';
import { ormSettings, SCHEMA } from './database/orm-settings';
import type { RendererEnv } from './env';
import { ReceivablesClient } from './grpc/receivables.client';
import { Lifecycle, RENDER_JOBS } from './lifecycle';
import { ChromiumPool } from './pdf/chromium-pool';
import { renderJobConsumer } from './renditions/render-reminder/render-job.consumer';
import { RenderReminderUseCase } from './renditions/render-reminder/render-reminder.usecase';

@Module({})
export class AppModule {
  static register(env: RendererEnv, log: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      providers: [
        RenderReminderUseCase,
        Lifecycle,
        { provide: JsonLogger, useValue: log },
        { provide: 'HTTP_PORT', useValue: env.HTTP_PORT },
        { provide: MikroORM, useFactory: () => openOrm(ormSettings(env.DATABASE_URL)) },
        { provide: ReceivablesClient, useFactory: () => new ReceivablesClient(env.RECEIVABLES_URL, env.SERVICE_TOKEN) },
        {
          provide: ChromiumPool,
          useFactory: () =>
            new ChromiumPool({
              executablePath: env.CHROMIUM_PATH,
              pages: env.PDF_PAGES,
              onBrowserRestart: () => log.warn('chromium restarted'),
            }),
        },
        { provide: AmqpConnection, useFactory: () => new AmqpConnection(env.AMQP_URL, log, 'renderer') },
        {
          provide: OutboxRelay,
          inject: [MikroORM, AmqpConnection],
          useFactory: (orm: MikroORM, amqp: AmqpConnection) => new OutboxRelay({ orm, schema: SCHEMA, amqp, log }),
        },
        {
          provide: RENDER_JOBS,
          inject: [AmqpConnection, RenderReminderUseCase],
          useFactory: (amqp: AmqpConnection, renderReminder: RenderReminderUseCase) =>
            renderJobConsumer(amqp, log, renderReminder, {
              prefetch: env.AMQP_PREFETCH,
              retryDelaysMs: env.RETRY_DELAYS_MS,
            }),
        },
        {
          provide: OpsServer,
          inject: [MikroORM, AmqpConnection, ChromiumPool],
          useFactory: (orm: MikroORM, amqp: AmqpConnection, chromium: ChromiumPool) =>
            new OpsServer(createRegistry('renderer'), [
              { name: 'database', check: () => orm.isConnected() },
              { name: 'broker', check: () => amqp.isConnected() },
              { name: 'browser', check: () => chromium.isReady() },
            ]),
        },
      ],
    };
  }
}
