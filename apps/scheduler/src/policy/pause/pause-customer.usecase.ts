import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CustomerPoliciesRepository } from '../customer-policies.repository';
import { unknownCustomer } from '../unknown-customer';
import type { PauseCustomerCommand, ResumeCustomerCommand } from './pause-customer.command';

/** A pause skips a customer's steps up to and including its last day. */
@Injectable()
export class PauseCustomerUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly policies: CustomerPoliciesRepository,
  ) {}

  async execute({ tenantId, customerId, until, reason }: PauseCustomerCommand): Promise<void> {
    const em = this.orm.em.fork();
    if (!(await this.policies.pause(em, tenantId, customerId, until, reason || null))) {
      throw unknownCustomer('customer_id', [customerId]);
    }
  }
}

/** Resuming ends a pause now. */
@Injectable()
export class ResumeCustomerUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly policies: CustomerPoliciesRepository,
  ) {}

  async execute({ tenantId, customerId }: ResumeCustomerCommand): Promise<void> {
    if (!(await this.policies.resume(this.orm.em.fork(), tenantId, customerId))) {
      throw unknownCustomer('customer_id', [customerId]);
    }
  }
}
