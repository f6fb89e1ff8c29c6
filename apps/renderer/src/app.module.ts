import { callDeadlines } from '@chasqui/grpc';
import { AmqpConnection, MessagingMetrics } from '@chasqui/messaging';
import { JsonLogger } from '@chasqui/observability';
import { DeadLettersController, platformProviders } from '@chasqui/platform';
import { StatementLinkIssuer } from '@chasqui/statement-links';
import { Module, type DynamicModule } from '@nestjs/common';
import { ormSettings } from './database/orm-settings';
import type { RendererEnv } from './env';
import { ReceivablesClient } from './grpc/receivables.client';
import { ChromiumPool } from './pdf/chromium-pool';
import { PdfCache } from './pdf/pdf-cache';
import { renderJobConsumer, renderJobDeadLetterHooks } from './renditions/render-reminder/render-job.consumer';
import { RenderReminderUseCase } from './renditions/render-reminder/render-reminder.usecase';
import { StatementLinkServer } from './statements/open-statement-link/statement-link.server';

@Module({})
export class AppModule {
  static register(env: RendererEnv, log: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      controllers: [DeadLettersController],
      providers: [
        ...platformProviders({
          service: 'renderer',
          orm: ormSettings(env.DATABASE_URL),
          env,
          log,
          checks: {
            inject: [ChromiumPool],
            build: (chromium: ChromiumPool) => [{ name: 'browser', check: () => chromium.isReady() }],
          },
          consumers: {
            inject: [AmqpConnection, RenderReminderUseCase, MessagingMetrics],
            build: (amqp: AmqpConnection, renderReminder: RenderReminderUseCase, metrics: MessagingMetrics) => [
              renderJobConsumer(amqp, log, renderReminder, {
                prefetch: env.AMQP_PREFETCH,
                retryDelaysMs: env.RETRY_DELAYS_MS,
                retryHorizonMs: env.RETRY_HORIZON_MS,
                metrics,
              }),
            ],
          },
          deadLetterHooks: { inject: [], build: () => renderJobDeadLetterHooks },
          resources: {
            inject: [ChromiumPool, ReceivablesClient, StatementLinkServer],
            build: (chromium: ChromiumPool, receivables: ReceivablesClient, links: StatementLinkServer) => [
              { open: () => chromium.start(), close: () => chromium.stop() },
              receivables,
              { open: () => links.open(env.STATEMENT_PORT, env.STATEMENT_HOST), close: () => links.close() },
            ],
          },
        }),
        RenderReminderUseCase,
        { provide: JsonLogger, useValue: log },
        {
          provide: StatementLinkIssuer,
          useFactory: () => new StatementLinkIssuer(env.STATEMENT_LINK_SECRET, env.STATEMENT_LINK_BASE),
        },
        {
          provide: StatementLinkServer,
          inject: [ReceivablesClient, PdfCache],
          useFactory: (receivables: ReceivablesClient, pdfs: PdfCache) =>
            new StatementLinkServer(receivables, pdfs, env.STATEMENT_LINK_SECRET, log),
        },
        {
          provide: PdfCache,
          inject: [ChromiumPool],
          useFactory: (chromium: ChromiumPool) => new PdfCache((html) => chromium.renderPdf(html)),
        },
        {
          provide: ReceivablesClient,
          useFactory: () => new ReceivablesClient(env.RECEIVABLES_URL, env.SERVICE_TOKEN, callDeadlines(env)),
        },
        {
          provide: ChromiumPool,
          useFactory: () =>
            new ChromiumPool({
              executablePath: env.CHROMIUM_PATH,
              pages: env.PDF_PAGES,
              onBrowserRestart: () => log.warn('chromium restarted'),
            }),
        },
      ],
    };
  }
}
