import { Injectable } from '@nestjs/common';
import { OccurrenceRepository, type OccurrenceRow } from '../occurrence.repository';
import { nextPageToken, type ListOccurrencesCommand } from './list-occurrences.command';

/** A page of the tenant's occurrences, newest decision first, narrowed by the filters given. */
@Injectable()
export class ListOccurrencesUseCase {
  constructor(private readonly occurrences: OccurrenceRepository) {}

  async execute(command: ListOccurrencesCommand): Promise<{ occurrences: OccurrenceRow[]; nextPageToken: string }> {
    const { pageSize, after, ...filters } = command;
    const rows = await this.occurrences.list({ ...filters, limit: pageSize + 1, after });
    const page = rows.slice(0, pageSize);
    return {
      occurrences: page,
      nextPageToken: rows.length > pageSize ? nextPageToken(page[page.length - 1], filters) : '',
    };
  }
}
