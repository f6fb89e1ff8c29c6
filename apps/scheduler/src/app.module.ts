import { remoteTenantAuth, TenantAuth } from '@chasqui/grpc';
import { AmqpConnection, OutboxRelay } from '@chasqui/messaging';
import { createRegistry, JsonLogger, OpsServer } from '@chasqui/observability';
import { openOrm } from '@chasqui/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import { Module, type DynamicModule } from '@nestjs/common';
import { RunCycleController } from './cycles/run-cycle/run-cycle.controller';
import { RunCycleUseCase } from './cycles/run-cycle/run-cycle.usecase';
import { ormSettings, SCHEMA } from './database/orm-settings';
import type { SchedulerEnv } from './env';
import { ReceivablesClient } from './grpc/receivables.client';
import { Lifecycle } from './lifecycle';
import { CreateRuleController } from './rules/create-rule/create-rule.controller';
import { CreateRuleUseCase } from './rules/create-rule/create-rule.usecase';

@Module({})
export class AppModule {
  static register(env: SchedulerEnv, log: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      controllers: [CreateRuleController, RunCycleController],
      providers: [
        CreateRuleUseCase,
        RunCycleUseCase,
        Lifecycle,
        { provide: JsonLogger, useValue: log },
        { provide: 'HTTP_PORT', useValue: env.HTTP_PORT },
        { provide: 'GRACE_HOURS', useValue: env.GRACE_HOURS },
        { provide: MikroORM, useFactory: () => openOrm(ormSettings(env.DATABASE_URL)) },
        { provide: ReceivablesClient, useFactory: () => new ReceivablesClient(env.RECEIVABLES_URL, env.SERVICE_TOKEN) },
        { provide: TenantAuth, useFactory: () => remoteTenantAuth(env.RECEIVABLES_URL, env.SERVICE_TOKEN) },
        { provide: AmqpConnection, useFactory: () => new AmqpConnection(env.AMQP_URL, log, 'scheduler') },
        {
          provide: OutboxRelay,
          inject: [MikroORM, AmqpConnection],
          useFactory: (orm: MikroORM, amqp: AmqpConnection) => new OutboxRelay({ orm, schema: SCHEMA, amqp, log }),
        },
        {
          provide: OpsServer,
          inject: [MikroORM, AmqpConnection],
          useFactory: (orm: MikroORM, amqp: AmqpConnection) =>
            new OpsServer(createRegistry('scheduler'), [
              { name: 'database', check: () => orm.isConnected() },
              { name: 'broker', check: () => amqp.isConnected() },
            ]),
        },
      ],
    };
  }
}
