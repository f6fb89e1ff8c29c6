import { NotFound } from '@chasqui/errors';
import { OutboxRelay } from '@chasqui/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CustomerEntity } from '../../customers/customer.entity';
import type { Invoice } from '../invoice.entity';
import { issueInvoice } from '../issue-invoice';
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
      return issueInvoice(em, customer, command);
    });
    this.outbox.nudge();
    return invoice;
  }
}
