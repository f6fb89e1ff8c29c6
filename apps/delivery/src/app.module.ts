import { callDeadlines, remoteTenantAuth, TenantAuth } from '@chasqui/grpc';
import { AmqpConnection, MessagingMetrics } from '@chasqui/messaging';
import { JsonLogger } from '@chasqui/observability';
import { DeadLettersController, platformProviders } from '@chasqui/platform';
import { Module, type DynamicModule } from '@nestjs/common';
import { ormSettings } from './database/orm-settings';
import type { DeliveryEnv } from './env';
import { ListActivityController } from './messages/list-activity/list-activity.controller';
import { ListActivityUseCase } from './messages/list-activity/list-activity.usecase';
import { ListMessagesController } from './messages/list-messages/list-messages.controller';
import { ListMessagesUseCase } from './messages/list-messages/list-messages.usecase';
import { ResolveUnknownController } from './messages/resolve-unknown/resolve-unknown.controller';
import { ResolveUnknownUseCase } from './messages/resolve-unknown/resolve-unknown.usecase';
import { sendJobDeadLetterHooks } from './messages/send-message/send-job-dead-letters';
import { sendJobConsumer } from './messages/send-message/send-job.consumer';
import { SendMessageUseCase } from './messages/send-message/send-message.usecase';
import { MessageRepository } from './messages/message.repository';
import { Mailer } from './smtp/mailer';

@Module({})
export class AppModule {
  static register(env: DeliveryEnv, log: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      controllers: [DeadLettersController, ListActivityController, ListMessagesController, ResolveUnknownController],
      providers: [
        ...platformProviders({
          service: 'delivery',
          orm: ormSettings(env.DATABASE_URL),
          env,
          log,
          consumers: {
            inject: [AmqpConnection, SendMessageUseCase, MessagingMetrics],
            build: (amqp: AmqpConnection, sendMessage: SendMessageUseCase, metrics: MessagingMetrics) => [
              sendJobConsumer(amqp, log, sendMessage, {
                prefetch: env.AMQP_PREFETCH,
                retryDelaysMs: env.RETRY_DELAYS_MS,
                retryHorizonMs: env.RETRY_HORIZON_MS,
                metrics,
              }),
            ],
          },
          deadLetterHooks: { inject: [MessageRepository], build: sendJobDeadLetterHooks },
          resources: { inject: [Mailer], build: (mailer: Mailer) => [mailer] },
        }),
        ListActivityUseCase,
        ListMessagesUseCase,
        ResolveUnknownUseCase,
        SendMessageUseCase,
        MessageRepository,
        { provide: JsonLogger, useValue: log },
        { provide: 'SEND_SETTINGS', useValue: { claimLeaseMs: env.SMTP_CLAIM_LEASE_MS } },
        { provide: 'MAIL_DOMAIN', useValue: env.MAIL_DOMAIN },
        {
          provide: TenantAuth,
          useFactory: () => remoteTenantAuth(env.RECEIVABLES_URL, env.SERVICE_TOKEN, callDeadlines(env)),
        },
        {
          provide: Mailer,
          useFactory: () => new Mailer(env.SMTP_URL, env.SMTP_POOL_SIZE, env.SMTP_TIMEOUT_MS, env.MAIL_FROM),
        },
      ],
    };
  }
}
