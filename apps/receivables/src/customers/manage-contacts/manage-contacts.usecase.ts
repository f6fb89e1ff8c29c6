import { NotFound } from '@chasqui/errors';
import { OutboxRelay } from '@chasqui/messaging';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ContactEntity, type Contact } from '../contact.entity';
import { announceCustomer } from '../customer-events';
import { CustomerEntity, type Customer } from '../customer.entity';
import type { AddContactCommand, UpdateContactCommand } from './manage-contacts.command';

type CustomerWithContacts = { customer: Customer; contacts: Contact[] };

/** Adds and changes a customer's contacts; each change announces customer.changed. */
@Injectable()
export class ManageContactsUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxRelay,
  ) {}

  add(command: AddContactCommand): Promise<CustomerWithContacts> {
    return this.change(async (em) => {
      const customer = await em.findOne(CustomerEntity, { id: command.customerId, tenantId: command.tenantId });
      if (!customer) throw new NotFound('CUSTOMER.NOT_FOUND', 'customer_id', 'no such customer');
      em.create(ContactEntity, {
        id: randomUUID(),
        tenantId: command.tenantId,
        customerId: customer.id,
        ...command.contact,
        undeliverable: false,
        undeliverableReason: null,
      });
      return customer;
    });
  }

  update(command: UpdateContactCommand): Promise<CustomerWithContacts> {
    return this.change(async (em) => {
      const contact = await em.findOne(ContactEntity, { id: command.contactId, tenantId: command.tenantId });
      if (!contact) throw new NotFound('CONTACT.NOT_FOUND', 'contact_id', 'no such contact');
      if (command.name != null) contact.name = command.name;
      if (command.email != null) contact.email = command.email;
      if (command.role != null) contact.role = command.role;
      if (command.receivesReminders != null) contact.receivesReminders = command.receivesReminders;
      if (command.undeliverable != null) {
        contact.undeliverable = command.undeliverable;
        if (!command.undeliverable) contact.undeliverableReason = null;
      }
      return em.findOneOrFail(CustomerEntity, { id: contact.customerId });
    });
  }

  private async change(apply: (em: EntityManager) => Promise<Customer>): Promise<CustomerWithContacts> {
    const result = await this.orm.em.fork().transactional(async (em) => {
      const customer = await apply(em);
      await em.flush();
      const contacts = await em.find(ContactEntity, { customerId: customer.id }, { orderBy: { name: 'asc' } });
      await announceCustomer(em, customer, contacts);
      return { customer, contacts };
    });
    this.outbox.nudge();
    return result;
  }
}
