import { Injectable } from '@nestjs/common';
import { OccurrenceRepository, type OccurrenceRow } from '../occurrence.repository';
import { nextPageToken, type ListOccurrencesCommand } from './list-occurrences.command';

/** A page of the tenant's occurrences, newest decision first. */
@Injectable()
export class ListOccurrencesUseCase {
  constructor(private readonly occurrences: OccurrenceRepository) {}

  async execute(command: ListOccurrencesCommand): Promise<{ occurrences: OccurrenceRow[]; nextPageToken: string }> {
    const rows = await this.occurrences.list({
      tenantId: command.tenantId,
      customerId: command.customerId,
      ruleId: command.ruleId,
      limit: command.pageSize + 1,
      after: command.pageToken,
    });
    const page = rows.slice(0, command.pageSize);
    return {
      occurrences: page,
      nextPageToken: rows.length > command.pageSize ? nextPageToken(page[page.length - 1]) : '',
    };
  }
}
