import { NotFound } from '@chasqui/grpc';
import { nativeQuery } from '@chasqui/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ContactEntity, type Contact } from '../../customers/contact.entity';
import { CustomerEntity, type Customer } from '../../customers/customer.entity';
import { SCHEMA } from '../../database/orm-settings';
import { invoiceNumber } from '../../invoices/invoice.entity';
import { TenantEntity, type Tenant } from '../../tenants/tenant.entity';
import { buildStatement, type CurrencyTotal, type StatementLine } from '../statement';
import type { GetStatementCommand } from './get-statement.command';

export interface StatementView {
  tenant: Tenant;
  customer: Customer;
  contacts: Contact[];
  asOf: string;
  lines: StatementLine[];
  totals: CurrencyTotal[];
}

@Injectable()
export class GetStatementUseCase {
  constructor(private readonly orm: MikroORM) {}

  async execute({ tenantId, customerId, asOf, scope }: GetStatementCommand): Promise<StatementView> {
    const em = this.orm.em.fork();
    const customer = await em.findOne(CustomerEntity, { id: customerId, tenantId });
    if (!customer) throw new NotFound('CUSTOMER.NOT_FOUND', 'customer_id', 'no such customer');
    const [tenant, contacts, invoices] = await Promise.all([
      em.findOneOrFail(TenantEntity, { id: tenantId }),
      em.find(ContactEntity, { tenantId, customerId }, { orderBy: { name: 'asc' } }),
      // Plain rows, not entities: a statement reads hundreds of invoices and changes none.
      nativeQuery<InvoiceRow>(
        em,
        `select id, series, folio, issue_date::text as issue_date, due_date::text as due_date, currency,
                total_minor::text as total_minor, balance_minor::text as balance_minor
           from ${SCHEMA}.invoices
          where tenant_id = ? and customer_id = ? and balance_minor > 0
          order by due_date, series, folio`,
        [tenantId, customerId],
      ),
    ]);
    const documents = invoices.map((invoice) => ({
      invoiceId: invoice.id,
      number: invoiceNumber(invoice),
      issueDate: invoice.issue_date,
      dueDate: invoice.due_date,
      currency: invoice.currency,
      totalMinor: invoice.total_minor,
      balanceMinor: invoice.balance_minor,
    }));
    return { tenant, customer, contacts, asOf, ...buildStatement(documents, asOf, scope) };
  }
}

interface InvoiceRow {
  id: string;
  series: string;
  folio: string;
  issue_date: string;
  due_date: string;
  currency: string;
  total_minor: string;
  balance_minor: string;
}
