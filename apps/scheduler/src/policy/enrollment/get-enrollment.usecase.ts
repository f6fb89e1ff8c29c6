import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CustomerPoliciesRepository } from '../customer-policies.repository';

/** How many of the tenant's announced customers are enrolled, and how many not. */
@Injectable()
export class GetEnrollmentUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly policies: CustomerPoliciesRepository,
  ) {}

  execute(tenantId: string): Promise<{ enrolled: number; notEnrolled: number }> {
    return this.policies.enrollmentCounts(this.orm.em.fork(), tenantId);
  }
}
