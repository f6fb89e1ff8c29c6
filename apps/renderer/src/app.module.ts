import { callDeadlines, remoteTenantAuth, TenantAuth } from '@chasqui/grpc';
import { AmqpConnection, MessagingMetrics } from '@chasqui/messaging';
import { JsonLogger } from '@chasqui/observability';
import { DeadLettersController, platformProviders } from '@chasqui/platform';
import { StatementLinkIssuer } from '@chasqui/statement-links';
import { Module, type DynamicModule } from '@nestjs/common';
import { Registry } from 'prom-client';
import { BrandingRepository } from './branding/branding.repository';
import { GetBrandingController } from './branding/get-branding/get-branding.controller';
import { GetPaymentInstructionsController } from './branding/get-payment-instructions/get-payment-instructions.controller';
import { UpdateBrandingController } from './branding/update-branding/update-branding.controller';
import { UpdateBrandingUseCase } from './branding/update-branding/update-branding.usecase';
import { UpdatePaymentInstructionsController } from './branding/update-payment-instructions/update-payment-instructions.controller';
import { ormSettings } from './database/orm-settings';
import type { RendererEnv } from './env';
import { ReceivablesClient } from './grpc/receivables.client';
import { SchedulerClient } from './grpc/scheduler.client';
import { PreviewPageServer } from './previews/preview-page/preview-page.server';
import { PreviewReminderController } from './previews/preview-reminder/preview-reminder.controller';
import { PreviewReminderUseCase } from './previews/preview-reminder/preview-reminder.usecase';
import { ChromiumPoolThread } from './pdf/chromium-pool-thread';
import { PdfCache } from './pdf/pdf-cache';
import { PdfMetrics } from './pdf/pdf-metrics';
import { renderJobConsumer, renderJobDeadLetterHooks } from './renditions/render-reminder/render-job.consumer';
import { RenderReminderUseCase } from './renditions/render-reminder/render-reminder.usecase';
import { ATTACHMENTS_MAX_BYTES, ComposeReminder } from './renditions/compose-reminder';
import { RenditionRepository } from './renditions/rendition.repository';
import { StatementLinkServer } from './statements/open-statement-link/statement-link.server';
import { CheckTemplateController } from './templates/check-template/check-template.controller';
import { CheckTemplateUseCase } from './templates/check-template/check-template.usecase';
import { ChooseTemplate } from './templates/choose-template';
import { GetTemplateController } from './templates/get-template/get-template.controller';
import { GetTemplateUseCase } from './templates/get-template/get-template.usecase';
import { ListTemplatesController } from './templates/list-templates/list-templates.controller';
import { ListTemplatesUseCase } from './templates/list-templates/list-templates.usecase';
import { TemplateRepository } from './templates/template.repository';
import { UpsertTemplateController } from './templates/upsert-template/upsert-template.controller';
import { UpsertTemplateUseCase } from './templates/upsert-template/upsert-template.usecase';

@Module({})
export class AppModule {
  static register(env: RendererEnv, log: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      controllers: [
        DeadLettersController,
        UpsertTemplateController,
        GetTemplateController,
        ListTemplatesController,
        CheckTemplateController,
        UpdateBrandingController,
        GetBrandingController,
        UpdatePaymentInstructionsController,
        GetPaymentInstructionsController,
        PreviewReminderController,
      ],
      providers: [
        ...platformProviders({
          service: 'renderer',
          orm: ormSettings(env.DATABASE_URL),
          env,
          log,
          checks: {
            inject: [ChromiumPoolThread],
            build: (chromium: ChromiumPoolThread) => [{ name: 'browser', check: () => chromium.isReady() }],
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
            inject: [ChromiumPoolThread, ReceivablesClient, SchedulerClient, StatementLinkServer, PreviewPageServer],
            build: (
              chromium: ChromiumPoolThread,
              receivables: ReceivablesClient,
              scheduler: SchedulerClient,
              links: StatementLinkServer,
              previews: PreviewPageServer,
            ) => [
              { open: () => chromium.start(), close: () => chromium.stop() },
              receivables,
              scheduler,
              { open: () => links.open(env.STATEMENT_PORT, env.STATEMENT_HOST), close: () => links.close() },
              { open: () => previews.open(env.PREVIEW_PORT, env.PREVIEW_HOST), close: () => previews.close() },
            ],
          },
        }),
        RenderReminderUseCase,
        RenditionRepository,
        ComposeReminder,
        { provide: ATTACHMENTS_MAX_BYTES, useValue: env.ATTACHMENTS_MAX_BYTES },
        TemplateRepository,
        ChooseTemplate,
        UpsertTemplateUseCase,
        GetTemplateUseCase,
        ListTemplatesUseCase,
        CheckTemplateUseCase,
        BrandingRepository,
        UpdateBrandingUseCase,
        { provide: JsonLogger, useValue: log },
        {
          provide: TenantAuth,
          useFactory: () => remoteTenantAuth(env.RECEIVABLES_URL, env.SERVICE_TOKEN, callDeadlines(env)),
        },
        {
          provide: StatementLinkIssuer,
          useFactory: () => new StatementLinkIssuer(env.STATEMENT_LINK_SECRET, env.STATEMENT_LINK_BASE),
        },
        {
          provide: StatementLinkServer,
          inject: [ReceivablesClient, PdfCache, BrandingRepository],
          useFactory: (receivables: ReceivablesClient, pdfs: PdfCache, brandings: BrandingRepository) =>
            new StatementLinkServer(receivables, pdfs, brandings, env.STATEMENT_LINK_SECRET, log),
        },
        {
          provide: PdfCache,
          inject: [ChromiumPoolThread],
          useFactory: (chromium: ChromiumPoolThread) => new PdfCache((html) => chromium.renderPdf(html)),
        },
        PreviewReminderUseCase,
        {
          provide: PreviewPageServer,
          inject: [TenantAuth, PreviewReminderUseCase],
          useFactory: (auth: TenantAuth, previews: PreviewReminderUseCase) =>
            new PreviewPageServer(auth, previews, log),
        },
        {
          provide: SchedulerClient,
          useFactory: () => new SchedulerClient(env.SCHEDULER_URL, env.SERVICE_TOKEN, callDeadlines(env)),
        },
        {
          provide: ReceivablesClient,
          useFactory: () => new ReceivablesClient(env.RECEIVABLES_URL, env.SERVICE_TOKEN, callDeadlines(env)),
        },
        {
          provide: ChromiumPoolThread,
          inject: [Registry],
          useFactory: (registry: Registry) => {
            const metrics = new PdfMetrics(registry, () => pool);
            const pool: ChromiumPoolThread = new ChromiumPoolThread({
              executablePath: env.CHROMIUM_PATH,
              pages: env.PDF_PAGES,
              onBrowserRestart: () => {
                metrics.restarts.inc();
                log.warn('chromium restarted');
              },
              onPdfRendered: (seconds) => metrics.seconds.observe(seconds),
            });
            return pool;
          },
        },
      ],
    };
  }
}
