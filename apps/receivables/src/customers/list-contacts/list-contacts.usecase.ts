import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ContactEntity, type Contact } from '../contact.entity';
import type { ListContactsCommand } from './list-contacts.command';

/** The contacts of some of a tenant's customers, by customer; another tenant's customers have none here. */
@Injectable()
export class ListContactsUseCase {
  constructor(private readonly orm: MikroORM) {}

  async execute({ tenantId, customerIds }: ListContactsCommand): Promise<Map<string, Contact[]>> {
    const contacts = await this.orm.em
      .fork()
      .find(ContactEntity, { tenantId, customerId: { $in: customerIds } }, { orderBy: { email: 'asc', id: 'asc' } });
    const byCustomer = new Map<string, Contact[]>();
    for (const contact of contacts) {
      const list = byCustomer.get(contact.customerId);
      if (list) list.push(contact);
      else byCustomer.set(contact.customerId, [contact]);
    }
    return byCustomer;
  }
}
