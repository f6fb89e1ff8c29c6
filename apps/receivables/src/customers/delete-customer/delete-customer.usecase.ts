import { FailedPrecondition, NotFound } from '@chasqui/errors';
import { OutboxRelay } from '@chasqui/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SCHEMA } from '../../database/orm-settings';
import { ContactEntity } from '../contact.entity';
import { announceCustomer } from '../customer-events';
import { CustomerEntity } from '../customer.entity';

/** Removes a customer that owes nothing and has no documents; its history must not dangle. */
@Injectable()
export class DeleteCustomerUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxRelay,
  ) {}

  async execute(command: { tenantId: string; customerId: string }): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      const customer = await em.findOne(CustomerEntity, { id: command.customerId, tenantId: command.tenantId });
      if (!customer) throw new NotFound('CUSTOMER.NOT_FOUND', 'customer_id', 'no such customer');
      const [{ documents }] = await em.execute<{ documents: number }[]>(
        `select (select count(*) from ${SCHEMA}.invoices where customer_id = ?)
              + (select count(*) from ${SCHEMA}.payments where customer_id = ?) as documents`,
        [customer.id, customer.id],
      );
      if (Number(documents) > 0) {
        throw new FailedPrecondition(
          'CUSTOMER.HAS_DOCUMENTS',
          'the customer has invoices or payments; it cannot be deleted',
        );
      }
      const contacts = await em.find(ContactEntity, { customerId: customer.id });
      await announceCustomer(em, customer, contacts, true);
      em.remove(customer); // contacts go with it (on delete cascade)
      await em.flush();
    });
    this.outbox.nudge();
  }
}
