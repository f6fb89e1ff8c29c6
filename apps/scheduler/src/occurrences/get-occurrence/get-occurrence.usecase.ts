import { NotFound } from '@chasqui/errors';
import { Injectable } from '@nestjs/common';
import { OccurrenceRepository, type OccurrenceRow } from '../occurrence.repository';
import type { GetOccurrenceCommand } from './get-occurrence.command';

/** One of the tenant's occurrences; another tenant's is as absent as one that never was. */
@Injectable()
export class GetOccurrenceUseCase {
  constructor(private readonly occurrences: OccurrenceRepository) {}

  async execute({ tenantId, occurrenceId }: GetOccurrenceCommand): Promise<OccurrenceRow> {
    const row = await this.occurrences.get(tenantId, occurrenceId);
    if (!row) throw new NotFound('OCCURRENCE.NOT_FOUND', 'occurrence_id', 'no such occurrence');
    return row;
  }
}
