import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CustomerPoliciesRepository } from '../customer-policies.repository';
import { unknownCustomer } from '../unknown-customer';
import type { SetEnrollmentCommand } from './set-enrollment.command';

/** Customers in or out, in bulk: all of them or, if any is unknown, none. */
@Injectable()
export class SetEnrollmentUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly policies: CustomerPoliciesRepository,
  ) {}

  async execute(command: SetEnrollmentCommand): Promise<{ enrolled: number; notEnrolled: number }> {
    return this.orm.em.fork().transactional(async (em) => {
      const { tenantId, customerIds, enrolled } = command;
      const changed = new Set(await this.policies.setEnrollment(em, tenantId, customerIds, enrolled));
      const unknown = [...new Set(customerIds)].filter((id) => !changed.has(id));
      if (unknown.length > 0) throw unknownCustomer('customer_ids', unknown);
      return this.policies.enrollmentCounts(em, tenantId);
    });
  }
}
