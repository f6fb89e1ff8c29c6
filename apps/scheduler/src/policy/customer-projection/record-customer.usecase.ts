import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CustomerPoliciesRepository } from '../customer-policies.repository';

export interface RecordCustomerCommand {
  tenantId: string;
  customer: { id: string; legalName: string; taxId: string };
  deleted: boolean;
}

/** The scheduler's own list of customers, next to the policy it keeps for each (receivables announces them). */
@Injectable()
export class RecordCustomerUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly policies: CustomerPoliciesRepository,
  ) {}

  execute({ tenantId, customer, deleted }: RecordCustomerCommand): Promise<void> {
    return this.policies.recordCustomer(this.orm.em.fork(), tenantId, customer, deleted);
  }
}
