import { callDeadlines, remoteTenantAuth, TenantAuth } from '@chasqui/grpc';
import { JsonLogger } from '@chasqui/observability';
import { DeadLettersController, platformProviders } from '@chasqui/platform';
import { StatementLinkIssuer } from '@chasqui/statement-links';
import { Module, type DynamicModule } from '@nestjs/common';
import { AmqpConnection, MessagingMetrics } from '@chasqui/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { Registry } from 'prom-client';
import { DelinquencyRepository } from './cycles/delinquency.repository';
import { CycleDecider } from './cycles/cycle-decider';
import { invoiceIssuedConsumers } from './cycles/issue-notices/invoice-issued.consumer';
import { RunCycleController } from './cycles/run-cycle/run-cycle.controller';
import { RunCycleUseCase } from './cycles/run-cycle/run-cycle.usecase';
import { Ticker } from './cycles/tick/ticker';
import { ormSettings } from './database/orm-settings';
import type { SchedulerEnv } from './env';
import { ForecastController } from './forecast/forecast.controller';
import { ForecastUseCase } from './forecast/forecast.usecase';
import { ReceivablesClient } from './grpc/receivables.client';
import { RendererClient } from './grpc/renderer.client';
import { outcomeEventsConsumer } from './occurrences/follow-outcomes/outcome-events.consumer';
import { CancelOccurrenceController } from './occurrences/cancel-occurrence/cancel-occurrence.controller';
import { CancelOccurrenceUseCase } from './occurrences/cancel-occurrence/cancel-occurrence.usecase';
import { RecordOutcomeUseCase } from './occurrences/follow-outcomes/record-outcome.usecase';
import { GetOccurrenceController } from './occurrences/get-occurrence/get-occurrence.controller';
import { GetOccurrenceUseCase } from './occurrences/get-occurrence/get-occurrence.usecase';
import { ListOccurrencesController } from './occurrences/list-occurrences/list-occurrences.controller';
import { ListOccurrencesUseCase } from './occurrences/list-occurrences/list-occurrences.usecase';
import { OccurrenceRepository } from './occurrences/occurrence.repository';
import { SendNowController } from './occurrences/send-now/send-now.controller';
import { SendNowUseCase } from './occurrences/send-now/send-now.usecase';
import { CustomerPoliciesRepository } from './policy/customer-policies.repository';
import { customerChangedConsumer } from './policy/customer-projection/customer-changed.consumer';
import { RecordCustomerUseCase } from './policy/customer-projection/record-customer.usecase';
import { EnrollmentController } from './policy/enrollment/enrollment.controller';
import { GetEnrollmentUseCase } from './policy/enrollment/get-enrollment.usecase';
import { SetEnrollmentUseCase } from './policy/enrollment/set-enrollment.usecase';
import { ExclusionsController } from './policy/exclusions/exclusions.controller';
import { ExclusionsRepository } from './policy/exclusions/exclusions.repository';
import {
  AddExclusionUseCase,
  ListExclusionsUseCase,
  RemoveExclusionUseCase,
} from './policy/exclusions/exclusions.usecase';
import { ListPausesUseCase } from './policy/pause/list-pauses.usecase';
import { PauseCustomerUseCase, ResumeCustomerUseCase } from './policy/pause/pause-customer.usecase';
import { PauseController } from './policy/pause/pause.controller';
import { messageRepliedConsumer } from './policy/replies/message-replied.consumer';
import { PauseAfterReplyUseCase } from './policy/replies/pause-after-reply.usecase';
import { SetRuleSwitchController } from './policy/rule-switches/set-rule-switch.controller';
import { SetRuleSwitchUseCase } from './policy/rule-switches/set-rule-switch.usecase';
import { SettingsController } from './policy/settings/settings.controller';
import { GetSettingsUseCase, UpdateSettingsUseCase } from './policy/settings/settings.usecase';
import { TenantSettingsRepository } from './policy/settings/tenant-settings.repository';
import { CreateRuleController } from './rules/create-rule/create-rule.controller';
import { CreateRuleUseCase } from './rules/create-rule/create-rule.usecase';
import { DeleteRuleController } from './rules/delete-rule/delete-rule.controller';
import { DeleteRuleUseCase } from './rules/delete-rule/delete-rule.usecase';
import { ListRulesController } from './rules/list-rules/list-rules.controller';
import { ListRulesUseCase } from './rules/list-rules/list-rules.usecase';
import { RuleRepository } from './rules/rule.repository';
import { TestSendController } from './rules/test-send/test-send.controller';
import { TestSendUseCase } from './rules/test-send/test-send.usecase';
import { UpdateRuleController } from './rules/update-rule/update-rule.controller';
import { UpdateRuleUseCase } from './rules/update-rule/update-rule.usecase';
import { ApprovalController } from './runs/approval/approval.controller';
import { ApproveRunUseCase } from './runs/approval/approve-run.usecase';
import { PreviewRunController } from './runs/preview-run/preview-run.controller';
import { PreviewRunUseCase } from './runs/preview-run/preview-run.usecase';

@Module({})
export class AppModule {
  static register(env: SchedulerEnv, log: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      controllers: [
        DeadLettersController,
        CreateRuleController,
        UpdateRuleController,
        ListRulesController,
        DeleteRuleController,
        RunCycleController,
        ListOccurrencesController,
        GetOccurrenceController,
        CancelOccurrenceController,
        SendNowController,
        ForecastController,
        PreviewRunController,
        ApprovalController,
        SettingsController,
        TestSendController,
        EnrollmentController,
        PauseController,
        SetRuleSwitchController,
        ExclusionsController,
      ],
      providers: [
        ...platformProviders({
          service: 'scheduler',
          orm: ormSettings(env.DATABASE_URL),
          env,
          log,
          // The scheduler's outbox holds render jobs only: each stands alone, so batches may overtake each other.
          relayLanes: 4,
          resources: {
            inject: [ReceivablesClient, RendererClient],
            build: (receivables: ReceivablesClient, renderer: RendererClient) => [receivables, renderer],
          },
          consumers: {
            inject: [
              Ticker,
              AmqpConnection,
              MessagingMetrics,
              RunCycleUseCase,
              RecordCustomerUseCase,
              PauseAfterReplyUseCase,
              RecordOutcomeUseCase,
            ],
            build: (
              ticker: Ticker,
              amqp: AmqpConnection,
              metrics: MessagingMetrics,
              runCycle: RunCycleUseCase,
              recordCustomer: RecordCustomerUseCase,
              pauseAfterReply: PauseAfterReplyUseCase,
              recordOutcome: RecordOutcomeUseCase,
            ) => {
              const settings = {
                prefetch: env.AMQP_PREFETCH,
                retryDelaysMs: env.RETRY_DELAYS_MS,
                retryHorizonMs: env.RETRY_HORIZON_MS,
                metrics,
              };
              return [
                customerChangedConsumer(amqp, log, recordCustomer, settings),
                messageRepliedConsumer(amqp, log, pauseAfterReply, settings),
                outcomeEventsConsumer(amqp, log, recordOutcome, settings),
                ...invoiceIssuedConsumers(amqp, log, runCycle, settings),
                ticker,
              ];
            },
          },
        }),
        CreateRuleUseCase,
        RuleRepository,
        ListRulesUseCase,
        DeleteRuleUseCase,
        ForecastUseCase,
        ListOccurrencesUseCase,
        GetOccurrenceUseCase,
        CancelOccurrenceUseCase,
        SendNowUseCase,
        OccurrenceRepository,
        PauseAfterReplyUseCase,
        RecordCustomerUseCase,
        TenantSettingsRepository,
        ExclusionsRepository,
        AddExclusionUseCase,
        RemoveExclusionUseCase,
        ListExclusionsUseCase,
        UpdateSettingsUseCase,
        GetSettingsUseCase,
        RecordOutcomeUseCase,
        UpdateRuleUseCase,
        CycleDecider,
        DelinquencyRepository,
        PreviewRunUseCase,
        ApproveRunUseCase,
        TestSendUseCase,
        RunCycleUseCase,
        CustomerPoliciesRepository,
        SetEnrollmentUseCase,
        GetEnrollmentUseCase,
        PauseCustomerUseCase,
        ResumeCustomerUseCase,
        ListPausesUseCase,
        SetRuleSwitchUseCase,
        { provide: JsonLogger, useValue: log },
        { provide: 'GRACE_HOURS', useValue: env.GRACE_HOURS },
        {
          provide: StatementLinkIssuer,
          useFactory: () => new StatementLinkIssuer(env.STATEMENT_LINK_SECRET, env.STATEMENT_LINK_BASE),
        },
        {
          provide: Ticker,
          inject: [MikroORM, RunCycleUseCase, Registry],
          useFactory: (orm: MikroORM, runCycle: RunCycleUseCase, registry: Registry) =>
            new Ticker(orm, runCycle, env.TICK_INTERVAL_MS, log, registry),
        },
        {
          provide: ReceivablesClient,
          useFactory: () => new ReceivablesClient(env.RECEIVABLES_URL, env.SERVICE_TOKEN, callDeadlines(env)),
        },
        {
          provide: RendererClient,
          useFactory: () => new RendererClient(env.RENDERER_URL, env.SERVICE_TOKEN, callDeadlines(env)),
        },
        {
          provide: TenantAuth,
          useFactory: () => remoteTenantAuth(env.RECEIVABLES_URL, env.SERVICE_TOKEN, callDeadlines(env)),
        },
      ],
    };
  }
}
