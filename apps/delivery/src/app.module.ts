import { callDeadlines, remoteTenantAuth, TenantAuth } from '@chasqui/grpc';
import { AmqpConnection, MessagingMetrics, type ConsumerSettings } from '@chasqui/messaging';
import { JsonLogger } from '@chasqui/observability';
import { DeadLettersController, platformProviders } from '@chasqui/platform';
import { Module, type DynamicModule } from '@nestjs/common';
import { MailTokens } from './addresses/mail-tokens';
import { ormSettings } from './database/orm-settings';
import type { DeliveryEnv } from './env';
import { forwardReplyConsumer } from './inbound/forward-reply/forward-reply.consumer';
import { ForwardReplyUseCase } from './inbound/forward-reply/forward-reply.usecase';
import { InboundMetrics } from './inbound/inbound-metrics';
import { InboundRepository } from './inbound/inbound.repository';
import { ReadInboundUseCase } from './inbound/read-inbound/read-inbound.usecase';
import { InboundSmtpServer } from './inbound/receive-inbound/inbound-smtp.server';
import { ReceiveInboundUseCase } from './inbound/receive-inbound/receive-inbound.usecase';
import { UnreadInboundSweeper } from './inbound/receive-inbound/unread-inbound.sweeper';
import { GetMessageController } from './messages/get-message/get-message.controller';
import { GetMessageUseCase } from './messages/get-message/get-message.usecase';
import { ListActivityController } from './messages/list-activity/list-activity.controller';
import { ListActivityUseCase } from './messages/list-activity/list-activity.usecase';
import { ListMessagesController } from './messages/list-messages/list-messages.controller';
import { ListMessagesUseCase } from './messages/list-messages/list-messages.usecase';
import { MessageRepository } from './messages/message.repository';
import { ResolveUnknownController } from './messages/resolve-unknown/resolve-unknown.controller';
import { ResolveUnknownUseCase } from './messages/resolve-unknown/resolve-unknown.usecase';
import { sendJobDeadLetterHooks } from './messages/send-message/send-job-dead-letters';
import { SendClaimRepository } from './messages/send-message/send-claims.repository';
import { sendJobConsumer } from './messages/send-message/send-job.consumer';
import { SendMessageUseCase } from './messages/send-message/send-message.usecase';
import { GetSenderSettingsController } from './senders/get-sender-settings/get-sender-settings.controller';
import { GetSenderSettingsUseCase } from './senders/get-sender-settings/get-sender-settings.usecase';
import { SecretBox } from './senders/secret-box';
import { parseFrom } from './senders/sender-identity';
import { SenderSettingsRepository } from './senders/sender-settings.repository';
import { UpdateSenderSettingsController } from './senders/update-sender-settings/update-sender-settings.controller';
import { UpdateSenderSettingsUseCase } from './senders/update-sender-settings/update-sender-settings.usecase';
import { Mailer } from './smtp/mailer';
import { DeliveryStatsRepository } from './stats/delivery-stats.repository';
import { GetDeliveryStatsController } from './stats/get-delivery-stats.controller';
import { GetDeliveryStatsUseCase } from './stats/get-delivery-stats.usecase';
import { LiftSuppressionController } from './suppressions/lift-suppression/lift-suppression.controller';
import { LiftSuppressionUseCase } from './suppressions/lift-suppression/lift-suppression.usecase';
import { ListSuppressionsController } from './suppressions/list-suppressions/list-suppressions.controller';
import { ListSuppressionsUseCase } from './suppressions/list-suppressions/list-suppressions.usecase';
import { SuppressionRepository } from './suppressions/suppression.repository';
import { UnsubscribeServer } from './suppressions/unsubscribe/unsubscribe.server';
import { UnsubscribeUseCase } from './suppressions/unsubscribe/unsubscribe.usecase';
import { TimelineRepository } from './timeline/timeline.repository';

@Module({})
export class AppModule {
  static register(env: DeliveryEnv, log: JsonLogger): DynamicModule {
    const defaultFrom = parseFrom(env.MAIL_FROM);
    const consumerSettings = (metrics: MessagingMetrics): ConsumerSettings => ({
      prefetch: env.AMQP_PREFETCH,
      retryDelaysMs: env.RETRY_DELAYS_MS,
      retryHorizonMs: env.RETRY_HORIZON_MS,
      metrics,
    });
    return {
      module: AppModule,
      controllers: [
        DeadLettersController,
        GetDeliveryStatsController,
        GetMessageController,
        GetSenderSettingsController,
        LiftSuppressionController,
        ListActivityController,
        ListMessagesController,
        ListSuppressionsController,
        ResolveUnknownController,
        UpdateSenderSettingsController,
      ],
      providers: [
        ...platformProviders({
          service: 'delivery',
          orm: ormSettings(env.DATABASE_URL),
          env,
          log,
          consumers: {
            inject: [
              AmqpConnection,
              MessagingMetrics,
              SendMessageUseCase,
              ForwardReplyUseCase,
              InboundRepository,
              ReadInboundUseCase,
            ],
            build: (
              amqp: AmqpConnection,
              metrics: MessagingMetrics,
              sendMessage: SendMessageUseCase,
              forwardReply: ForwardReplyUseCase,
              inbound: InboundRepository,
              readInbound: ReadInboundUseCase,
            ) => [
              sendJobConsumer(amqp, log, sendMessage, consumerSettings(metrics)),
              forwardReplyConsumer(amqp, log, forwardReply, consumerSettings(metrics)),
              new UnreadInboundSweeper(inbound, readInbound, log),
            ],
          },
          deadLetterHooks: { inject: [MessageRepository], build: sendJobDeadLetterHooks },
          resources: {
            inject: [Mailer, ReceiveInboundUseCase, UnsubscribeUseCase],
            build: (mailer: Mailer, receive: ReceiveInboundUseCase, unsubscribe: UnsubscribeUseCase) => {
              const inbound = new InboundSmtpServer(
                {
                  port: env.INBOUND_SMTP_PORT,
                  host: env.INBOUND_SMTP_HOST,
                  maxBytes: env.INBOUND_MAX_BYTES,
                  domains: { bounce: env.BOUNCE_DOMAIN, reply: env.REPLY_DOMAIN },
                  tls:
                    env.INBOUND_TLS_KEY_FILE && env.INBOUND_TLS_CERT_FILE
                      ? { keyFile: env.INBOUND_TLS_KEY_FILE, certFile: env.INBOUND_TLS_CERT_FILE }
                      : undefined,
                  hostname: env.REPLY_DOMAIN,
                },
                receive,
                log,
              );
              const links = new UnsubscribeServer(unsubscribe, log);
              return [
                mailer,
                { open: () => inbound.open(), close: () => inbound.close() },
                { open: () => links.open(env.UNSUBSCRIBE_PORT, env.UNSUBSCRIBE_HOST), close: () => links.close() },
              ];
            },
          },
        }),
        ForwardReplyUseCase,
        GetDeliveryStatsUseCase,
        GetMessageUseCase,
        GetSenderSettingsUseCase,
        LiftSuppressionUseCase,
        ListActivityUseCase,
        ListMessagesUseCase,
        ListSuppressionsUseCase,
        ReadInboundUseCase,
        InboundMetrics,
        ReceiveInboundUseCase,
        ResolveUnknownUseCase,
        SendMessageUseCase,
        UnsubscribeUseCase,
        UpdateSenderSettingsUseCase,
        DeliveryStatsRepository,
        InboundRepository,
        MessageRepository,
        SendClaimRepository,
        SenderSettingsRepository,
        SuppressionRepository,
        TimelineRepository,
        { provide: JsonLogger, useValue: log },
        { provide: 'DEFAULT_FROM', useValue: defaultFrom },
        { provide: 'SEND_SETTINGS', useValue: { claimLeaseMs: env.SMTP_CLAIM_LEASE_MS, defaultFrom } },
        {
          provide: 'FORWARD_SETTINGS',
          useValue: { from: defaultFrom, bounceAddress: `bounce@${env.BOUNCE_DOMAIN}`, mailDomain: env.MAIL_DOMAIN },
        },
        { provide: 'MAIL_DOMAIN', useValue: env.MAIL_DOMAIN },
        { provide: SecretBox, useValue: new SecretBox(env.SENDER_KEY_SECRET) },
        {
          provide: MailTokens,
          useValue: new MailTokens({
            secret: env.MAIL_TOKEN_SECRET,
            ttlDays: env.MAIL_TOKEN_TTL_DAYS,
            domains: { bounce: env.BOUNCE_DOMAIN, reply: env.REPLY_DOMAIN },
            unsubscribeBase: env.UNSUBSCRIBE_BASE,
          }),
        },
        {
          provide: TenantAuth,
          useFactory: () => remoteTenantAuth(env.RECEIVABLES_URL, env.SERVICE_TOKEN, callDeadlines(env)),
        },
        {
          provide: Mailer,
          useFactory: () => new Mailer(env.SMTP_URL, env.SMTP_POOL_SIZE, env.SMTP_TIMEOUT_MS),
        },
      ],
    };
  }
}
