import { TenantAuth } from '@chasqui/grpc';
import { JsonLogger } from '@chasqui/observability';
import { DeadLettersController, platformProviders } from '@chasqui/platform';
import { Module, type DynamicModule } from '@nestjs/common';
import { RecordCreditNoteController } from './adjustments/record-adjustment/record-credit-note.controller';
import { RecordAdjustmentUseCase } from './adjustments/record-adjustment/record-adjustment.usecase';
import { WriteOffController } from './adjustments/record-adjustment/write-off.controller';
import { RecordPaymentController } from './payments/record-payment/record-payment.controller';
import { RecordPaymentUseCase } from './payments/record-payment/record-payment.usecase';
import { GetCustomerCreditController } from './payments/get-customer-credit/get-customer-credit.controller';
import { GetCustomerCreditUseCase } from './payments/get-customer-credit/get-customer-credit.usecase';
import { ImportInvoicesController } from './invoices/import-invoices/import-invoices.controller';
import { ImportInvoicesUseCase } from './invoices/import-invoices/import-invoices.usecase';
import { ImportEInvoiceController } from './invoices/import-einvoice/import-einvoice.controller';
import { ImportEInvoiceUseCase } from './invoices/import-einvoice/import-einvoice.usecase';
import { UpdateInvoiceController } from './invoices/update-invoice/update-invoice.controller';
import { UpdateInvoiceUseCase } from './invoices/update-invoice/update-invoice.usecase';
import { DeleteCustomerController } from './customers/delete-customer/delete-customer.controller';
import { DeleteCustomerUseCase } from './customers/delete-customer/delete-customer.usecase';
import { SearchCustomersController } from './customers/search-customers/search-customers.controller';
import { SearchCustomersUseCase } from './customers/search-customers/search-customers.usecase';
import { UpdateCustomerController } from './customers/update-customer/update-customer.controller';
import { UpdateCustomerUseCase } from './customers/update-customer/update-customer.usecase';
import { AttachDocumentController } from './invoices/attach-document/attach-document.controller';
import { AttachDocumentUseCase } from './invoices/attach-document/attach-document.usecase';
import { ImportPaymentsController } from './payments/import-payments/import-payments.controller';
import { ImportPaymentsUseCase } from './payments/import-payments/import-payments.usecase';
import { ManageContactsController } from './customers/manage-contacts/manage-contacts.controller';
import { DocumentRepository } from './invoices/documents/document.repository';
import { GetDocumentController } from './invoices/documents/get-document.controller';
import { ListDocumentsController } from './invoices/documents/list-documents.controller';
import { ListDocumentsUseCase } from './invoices/documents/list-documents.usecase';
import { GetDocumentUseCase } from './invoices/documents/get-document.usecase';
import { ListContactsController } from './customers/list-contacts/list-contacts.controller';
import { ListContactsUseCase } from './customers/list-contacts/list-contacts.usecase';
import { ManageContactsUseCase } from './customers/manage-contacts/manage-contacts.usecase';
import { ListCollectiblesController } from './collectibles/list-collectibles/list-collectibles.controller';
import { ListCollectiblesUseCase } from './collectibles/list-collectibles/list-collectibles.usecase';
import { CollectiblesRepository } from './collectibles/collectibles.repository';
import { GetCollectibleScopeController } from './collectibles/get-collectible-scope/get-collectible-scope.controller';
import { GetCollectibleScopeUseCase } from './collectibles/get-collectible-scope/get-collectible-scope.usecase';
import { CreateCustomerController } from './customers/create-customer/create-customer.controller';
import { CreateCustomerUseCase } from './customers/create-customer/create-customer.usecase';
import { ormSettings } from './database/orm-settings';
import type { ReceivablesEnv } from './env';
import { bounceConsumer } from './customers/flag-undeliverable/bounce.consumer';
import { FlagUndeliverableUseCase } from './customers/flag-undeliverable/flag-undeliverable.usecase';
import { AmqpConnection, MessagingMetrics } from '@chasqui/messaging';
import { CreateInvoiceController } from './invoices/create-invoice/create-invoice.controller';
import { CreateInvoiceUseCase } from './invoices/create-invoice/create-invoice.usecase';
import { GetAgingReportController } from './statements/get-aging-report/get-aging-report.controller';
import { GetAgingReportUseCase } from './statements/get-aging-report/get-aging-report.usecase';
import { GetStatementController } from './statements/get-statement/get-statement.controller';
import { GetStatementUseCase } from './statements/get-statement/get-statement.usecase';
import { StatementRepository } from './statements/statement.repository';
import { AuthenticateApiKeyController } from './tenants/authenticate-api-key/authenticate-api-key.controller';
import { AuthenticateApiKeyUseCase } from './tenants/authenticate-api-key/authenticate-api-key.usecase';
import { CreateTenantController } from './tenants/create-tenant/create-tenant.controller';
import { CreateTenantUseCase } from './tenants/create-tenant/create-tenant.usecase';
import { GetTenantController } from './tenants/get-tenant/get-tenant.controller';
import { GetTenantUseCase } from './tenants/get-tenant/get-tenant.usecase';
import { UpdateTenantController } from './tenants/update-tenant/update-tenant.controller';
import { UpdateTenantUseCase } from './tenants/update-tenant/update-tenant.usecase';

@Module({})
export class AppModule {
  static register(env: ReceivablesEnv, log: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      controllers: [
        DeadLettersController,
        CreateTenantController,
        GetTenantController,
        UpdateTenantController,
        AuthenticateApiKeyController,
        CreateCustomerController,
        CreateInvoiceController,
        GetStatementController,
        ListCollectiblesController,
        GetCollectibleScopeController,
        RecordPaymentController,
        GetCustomerCreditController,
        RecordCreditNoteController,
        WriteOffController,
        ImportInvoicesController,
        ImportEInvoiceController,
        GetAgingReportController,
        UpdateInvoiceController,
        UpdateCustomerController,
        DeleteCustomerController,
        SearchCustomersController,
        AttachDocumentController,
        ImportPaymentsController,
        ManageContactsController,
        ListContactsController,
        ListDocumentsController,
        GetDocumentController,
      ],
      providers: [
        ...platformProviders({
          service: 'receivables',
          orm: ormSettings(env.DATABASE_URL),
          env,
          log,
          consumers: {
            inject: [AmqpConnection, FlagUndeliverableUseCase, MessagingMetrics],
            build: (amqp: AmqpConnection, flag: FlagUndeliverableUseCase, metrics: MessagingMetrics) => [
              bounceConsumer(amqp, log, flag, {
                prefetch: env.AMQP_PREFETCH,
                retryDelaysMs: env.RETRY_DELAYS_MS,
                retryHorizonMs: env.RETRY_HORIZON_MS,
                metrics,
              }),
            ],
          },
        }),
        CreateTenantUseCase,
        GetTenantUseCase,
        UpdateTenantUseCase,
        AuthenticateApiKeyUseCase,
        CreateCustomerUseCase,
        CreateInvoiceUseCase,
        GetStatementUseCase,
        ListCollectiblesUseCase,
        GetCollectibleScopeUseCase,
        CollectiblesRepository,
        RecordPaymentUseCase,
        GetCustomerCreditUseCase,
        RecordAdjustmentUseCase,
        ImportInvoicesUseCase,
        ImportEInvoiceUseCase,
        GetAgingReportUseCase,
        UpdateInvoiceUseCase,
        UpdateCustomerUseCase,
        DeleteCustomerUseCase,
        SearchCustomersUseCase,
        AttachDocumentUseCase,
        ImportPaymentsUseCase,
        ManageContactsUseCase,
        ListContactsUseCase,
        ListDocumentsUseCase,
        GetDocumentUseCase,
        DocumentRepository,
        StatementRepository,
        FlagUndeliverableUseCase,
        { provide: JsonLogger, useValue: log },
        {
          provide: TenantAuth,
          inject: [AuthenticateApiKeyUseCase],
          useFactory: (authenticate: AuthenticateApiKeyUseCase) =>
            new TenantAuth(env.SERVICE_TOKEN, (key) => authenticate.execute(key)),
        },
      ],
    };
  }
}
