import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SCHEMA } from '../../database/orm-settings';
import { ContactEntity, type Contact } from '../contact.entity';
import { CustomerEntity, type Customer } from '../customer.entity';
import { encodePageToken, type SearchCustomersCommand } from './search-customers.command';

const likePattern = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A page of customers by name (any case, any part) or tax id (its start), ordered by name. */
@Injectable()
export class SearchCustomersUseCase {
  constructor(private readonly orm: MikroORM) {}

  async execute(command: SearchCustomersCommand): Promise<{
    customers: { customer: Customer; contacts: Contact[] }[];
    nextPageToken: string;
  }> {
    const em = this.orm.em.fork();
    const [afterName, afterId] = command.pageToken ?? ['', '00000000-0000-0000-0000-000000000000'];
    const query = likePattern(command.query);
    const rows = await em.execute<Record<string, unknown>[]>(
      `select * from ${SCHEMA}.customers
        where tenant_id = ?
          and (? = '' or legal_name ilike '%' || ? || '%' or tax_id like upper(?) || '%')
          and (lower(legal_name), id) > (?, ?::uuid)
        order by lower(legal_name), id
        limit ?`,
      [command.tenantId, query, query, query, afterName, afterId, command.pageSize + 1],
    );
    const page = rows.map((row) => em.map(CustomerEntity, row));
    const more = page.length > command.pageSize;
    const customers = page.slice(0, command.pageSize);
    const contacts = await em.find(
      ContactEntity,
      { customerId: { $in: customers.map((c) => c.id) } },
      { orderBy: { name: 'asc' } },
    );
    const last = customers[customers.length - 1];
    return {
      customers: customers.map((customer) => ({
        customer,
        contacts: contacts.filter((c) => c.customerId === customer.id),
      })),
      nextPageToken: more && last ? encodePageToken([last.legalName.toLowerCase(), last.id]) : '',
    };
  }
}
