import { Exchanges, MessageTypes, receivables, RoutingKeys } from '@chasqui/contracts';
import { AlreadyExists, NotFound } from '@chasqui/grpc';
import { enqueue, OutboxRelay } from '@chasqui/messaging';
import { isUniqueViolation } from '@chasqui/persistence';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SCHEMA } from '../../database/orm-settings';
import { toInvoiceProto } from '../../grpc/to-proto';
import { CustomerEntity, type Customer } from '../../customers/customer.entity';
import { addDays } from '../../ledger/calendar-date';
import { TenantEntity } from '../../tenants/tenant.entity';
import { InvoiceEntity, type Invoice } from '../invoice.entity';
import type { CreateInvoiceCommand } from './create-invoice.command';

@Injectable()
export class CreateInvoiceUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxRelay,
  ) {}

  /** Records the invoice and its invoice.issued event in one transaction. */
  async execute(command: CreateInvoiceCommand): Promise<Invoice> {
    const invoice = await this.orm.em.fork().transactional(async (em) => {
      const customer = await em.findOne(CustomerEntity, { id: command.customerId, tenantId: command.tenantId });
      if (!customer) throw new NotFound('CUSTOMER.NOT_FOUND', 'customer_id', 'no such customer');
      const created = em.create(InvoiceEntity, {
        id: randomUUID(),
        ...command,
        dueDate: command.dueDate || addDays(command.issueDate, await this.termDays(em, customer)),
        balanceMinor: command.totalMinor,
        paidMinor: '0',
        creditedMinor: '0',
        writtenOffMinor: '0',
        inDispute: false,
        hasXml: false,
        hasPdf: false,
        createdAt: new Date(),
      });
      await em.flush().catch((error: unknown) => {
        if (!isUniqueViolation(error)) throw error;
        throw new AlreadyExists('INVOICE.NUMBER_TAKEN', 'folio', 'an invoice with this series and folio exists');
      });
      await enqueue(em, SCHEMA, {
        exchange: Exchanges.events,
        routingKey: RoutingKeys.invoiceIssued,
        type: MessageTypes.invoiceIssued,
        body: receivables.InvoiceIssued.encode({
          tenantId: command.tenantId,
          invoice: toInvoiceProto(created),
        }).finish(),
        tenantId: command.tenantId,
        idempotencyKey: `invoice.issued:${created.id}`,
      });
      return created;
    });
    this.outbox.nudge();
    return invoice;
  }

  /** No due date given: the customer's credit days, else the tenant's payment term. */
  private async termDays(em: EntityManager, customer: Customer): Promise<number> {
    if (customer.creditDays !== null) return customer.creditDays;
    const tenant = await em.findOneOrFail(
      TenantEntity,
      { id: customer.tenantId },
      { fields: ['defaultPaymentTermDays'] },
    );
    return tenant.defaultPaymentTermDays;
  }
}
