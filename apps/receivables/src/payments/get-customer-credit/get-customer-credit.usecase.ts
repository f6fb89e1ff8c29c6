import { NotFound } from '@chasqui/errors';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CustomerEntity } from '../../customers/customer.entity';
import { paymentsWithCredit, type PaymentView } from '../payment.repository';
import type { GetCustomerCreditCommand } from './get-customer-credit.command';

export interface CreditInCurrency {
  currency: string;
  creditMinor: string;
  /** Oldest first: the order later invoices spend them in. */
  payments: PaymentView[];
}

/** What a customer has paid beyond its invoices, per currency, and the payments that hold it. */
@Injectable()
export class GetCustomerCreditUseCase {
  constructor(private readonly orm: MikroORM) {}

  async execute(command: GetCustomerCreditCommand): Promise<CreditInCurrency[]> {
    const em = this.orm.em.fork();
    const customer = await em.findOne(
      CustomerEntity,
      { id: command.customerId, tenantId: command.tenantId },
      { fields: ['id'] },
    );
    if (!customer) throw new NotFound('CUSTOMER.NOT_FOUND', 'customer_id', 'no such customer');
    const payments = await paymentsWithCredit(em, command.tenantId, customer.id);
    return [...new Set(payments.map((p) => p.currency))].sort().map((currency) => {
      const holding = payments.filter((p) => p.currency === currency);
      const creditMinor = holding.reduce((sum, p) => sum + BigInt(p.unappliedMinor), 0n).toString();
      return { currency, creditMinor, payments: holding };
    });
  }
}
