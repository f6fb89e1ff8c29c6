import { TenantAuth } from '@chasqui/grpc';
import { AmqpConnection, OutboxRelay } from '@chasqui/messaging';
import { createRegistry, JsonLogger, OpsServer } from '@chasqui/observability';
import { openOrm } from '@chasqui/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import { Module, type DynamicModule } from '@nestjs/common';
import { ListCollectiblesController } from './collectibles/list-collectibles/list-collectibles.controller';
import { ListCollectiblesUseCase } from './collectibles/list-collectibles/list-collectibles.usecase';
import { CreateCustomerController } from './customers/create-customer/create-customer.controller';
import { CreateCustomerUseCase } from './customers/create-customer/create-customer.usecase';
import { ormSettings, SCHEMA } from './database/orm-settings';
import type { ReceivablesEnv } from './env';
import { AdminAuth } from './grpc/admin-auth';
import { Lifecycle } from './lifecycle';
import { CreateInvoiceController } from './invoices/create-invoice/create-invoice.controller';
import { CreateInvoiceUseCase } from './invoices/create-invoice/create-invoice.usecase';
import { GetStatementController } from './statements/get-statement/get-statement.controller';
import { GetStatementUseCase } from './statements/get-statement/get-statement.usecase';
import { AuthenticateApiKeyController } from './tenants/authenticate-api-key/authenticate-api-key.controller';
import { AuthenticateApiKeyUseCase } from './tenants/authenticate-api-key/authenticate-api-key.usecase';
import { CreateTenantController } from './tenants/create-tenant/create-tenant.controller';
import { CreateTenantUseCase } from './tenants/create-tenant/create-tenant.usecase';

@Module({})
export class AppModule {
  static register(env: ReceivablesEnv, log: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      controllers: [
        CreateTenantController,
        AuthenticateApiKeyController,
        CreateCustomerController,
        CreateInvoiceController,
        GetStatementController,
        ListCollectiblesController,
      ],
      providers: [
        CreateTenantUseCase,
        AuthenticateApiKeyUseCase,
        CreateCustomerUseCase,
        CreateInvoiceUseCase,
        GetStatementUseCase,
        ListCollectiblesUseCase,
        Lifecycle,
        { provide: JsonLogger, useValue: log },
        { provide: AdminAuth, useValue: new AdminAuth(env.ADMIN_TOKEN) },
        { provide: MikroORM, useFactory: () => openOrm(ormSettings(env.DATABASE_URL)) },
        {
          provide: TenantAuth,
          inject: [AuthenticateApiKeyUseCase],
          useFactory: (authenticate: AuthenticateApiKeyUseCase) =>
            new TenantAuth(env.SERVICE_TOKEN, (key) => authenticate.execute(key)),
        },
        { provide: AmqpConnection, useFactory: () => new AmqpConnection(env.AMQP_URL, log, 'receivables') },
        {
          provide: OutboxRelay,
          inject: [MikroORM, AmqpConnection],
          useFactory: (orm: MikroORM, amqp: AmqpConnection) => new OutboxRelay({ orm, schema: SCHEMA, amqp, log }),
        },
        {
          provide: OpsServer,
          inject: [MikroORM, AmqpConnection],
          useFactory: (orm: MikroORM, amqp: AmqpConnection) =>
            new OpsServer(createRegistry('receivables'), [
              { name: 'database', check: () => orm.isConnected() },
              { name: 'broker', check: () => amqp.isConnected() },
            ]),
        },
        { provide: 'HTTP_PORT', useValue: env.HTTP_PORT },
      ],
    };
  }
}
