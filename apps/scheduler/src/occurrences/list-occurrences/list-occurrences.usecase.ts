import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CustomerPoliciesRepository } from '../../policy/customer-policies.repository';
import { knownCustomer } from '../../policy/known-customer';
import { OccurrenceRepository, type OccurrenceRow } from '../occurrence.repository';
import { nextPageToken, type ListOccurrencesCommand } from './list-occurrences.command';

/** A page of the tenant's occurrences, newest decision first, narrowed by the filters given. */
@Injectable()
export class ListOccurrencesUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly occurrences: OccurrenceRepository,
    private readonly policies: CustomerPoliciesRepository,
  ) {}

  async execute(command: ListOccurrencesCommand): Promise<{ occurrences: OccurrenceRow[]; nextPageToken: string }> {
    const { pageSize, after, ...filters } = command;
    // A customer the tenant never had is named as such; a deleted one still has its history.
    if (filters.customerId) {
      await knownCustomer(this.policies, this.orm.em.fork(), filters.tenantId, filters.customerId, {
        deletedToo: true,
      });
    }
    const rows = await this.occurrences.list({ ...filters, limit: pageSize + 1, after });
    const page = rows.slice(0, pageSize);
    return {
      occurrences: page,
      nextPageToken: rows.length > pageSize ? nextPageToken(page[page.length - 1], filters) : '',
    };
  }
}
