import { NotFound } from '@chasqui/grpc';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ContactEntity, type Contact } from '../../customers/contact.entity';
import { CustomerEntity, type Customer } from '../../customers/customer.entity';
import { InvoiceEntity, invoiceNumber } from '../../invoices/invoice.entity';
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
      em.find(
        InvoiceEntity,
        { tenantId, customerId, balanceMinor: { $gt: '0' } },
        { orderBy: { dueDate: 'asc', series: 'asc', folio: 'asc' } },
      ),
    ]);
    const documents = invoices.map((invoice) => ({
      invoiceId: invoice.id,
      number: invoiceNumber(invoice),
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      currency: invoice.currency,
      totalMinor: invoice.totalMinor,
      balanceMinor: invoice.balanceMinor,
    }));
    return { tenant, customer, contacts, asOf, ...buildStatement(documents, asOf, scope) };
  }
}
