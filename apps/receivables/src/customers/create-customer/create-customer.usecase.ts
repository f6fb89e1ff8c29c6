import { AlreadyExists, InvalidArgument } from '@chasqui/errors';
import { isUniqueViolation } from '@chasqui/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { checkTaxId } from '../../ledger/tax-id';
import { TenantEntity } from '../../tenants/tenant.entity';
import { announceCustomer } from '../customer-events';
import { ContactEntity, type Contact } from '../contact.entity';
import { CustomerEntity, type Customer } from '../customer.entity';
import type { CreateCustomerCommand } from './create-customer.command';

@Injectable()
export class CreateCustomerUseCase {
  constructor(private readonly orm: MikroORM) {}

  async execute(command: CreateCustomerCommand): Promise<{ customer: Customer; contacts: Contact[] }> {
    try {
      return await this.orm.em.fork().transactional(async (em) => {
        const tenant = await em.findOneOrFail(TenantEntity, { id: command.tenantId }, { fields: ['country'] });
        const taxId = checkTaxId(tenant.country, command.taxId);
        if (!taxId.ok)
          throw new InvalidArgument('CUSTOMER.TAX_ID_INVALID', [{ field: 'tax_id', description: taxId.reason }]);
        const customer = em.create(CustomerEntity, {
          id: randomUUID(),
          tenantId: command.tenantId,
          externalId: command.externalId,
          legalName: command.legalName,
          taxId: taxId.normalised,
          creditDays: command.creditDays ?? null,
          delinquencyLimitDays: command.delinquencyLimitDays ?? null,
          timeZone: command.timeZone || null,
          locale: command.locale || null,
          createdAt: new Date(),
        });
        // Entities here carry ids, not relations: flush the parent first.
        await em.flush();
        const contacts = command.contacts.map((contact) =>
          em.create(ContactEntity, {
            id: randomUUID(),
            tenantId: command.tenantId,
            customerId: customer.id,
            ...contact,
            undeliverable: false,
            undeliverableReason: null,
          }),
        );
        await em.flush();
        await announceCustomer(em, customer, contacts);
        return { customer, contacts };
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AlreadyExists('CUSTOMER.EXTERNAL_ID_TAKEN', 'external_id', 'another customer has this external id');
      }
      throw error;
    }
  }
}
