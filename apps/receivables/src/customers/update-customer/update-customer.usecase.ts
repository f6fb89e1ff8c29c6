import { InvalidArgument, NotFound } from '@chasqui/errors';
import { OutboxRelay } from '@chasqui/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { checkTaxId } from '../../ledger/tax-id';
import { TenantEntity } from '../../tenants/tenant.entity';
import { ContactEntity, type Contact } from '../contact.entity';
import { announceCustomer } from '../customer-events';
import { CustomerEntity, type Customer } from '../customer.entity';
import type { UpdateCustomerCommand } from './update-customer.command';

@Injectable()
export class UpdateCustomerUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxRelay,
  ) {}

  async execute(command: UpdateCustomerCommand): Promise<{ customer: Customer; contacts: Contact[] }> {
    const result = await this.orm.em.fork().transactional(async (em) => {
      const customer = await em.findOne(CustomerEntity, { id: command.customerId, tenantId: command.tenantId });
      if (!customer) throw new NotFound('CUSTOMER.NOT_FOUND', 'customer_id', 'no such customer');
      if (command.taxId != null) {
        const tenant = await em.findOneOrFail(TenantEntity, { id: command.tenantId }, { fields: ['country'] });
        const taxId = checkTaxId(tenant.country, command.taxId);
        if (!taxId.ok)
          throw new InvalidArgument('CUSTOMER.TAX_ID_INVALID', [{ field: 'tax_id', description: taxId.reason }]);
        customer.taxId = taxId.normalised;
      }
      if (command.legalName != null) customer.legalName = command.legalName;
      if (command.timeZone != null) customer.timeZone = command.timeZone || null;
      if (command.locale != null) customer.locale = command.locale || null;
      if (command.creditDays != null) customer.creditDays = command.creditDays;
      if (command.delinquencyLimitDays != null) customer.delinquencyLimitDays = command.delinquencyLimitDays;
      await em.flush();
      const contacts = await em.find(ContactEntity, { customerId: customer.id }, { orderBy: { name: 'asc' } });
      await announceCustomer(em, customer, contacts);
      return { customer, contacts };
    });
    this.outbox.nudge();
    return result;
  }
}
