import { FailedPrecondition, NotFound } from '@chasqui/errors';
import { Injectable } from '@nestjs/common';
import { OccurrenceRepository, type OccurrenceRow } from '../occurrence.repository';
import type { CancelOccurrenceCommand } from './cancel-occurrence.command';

/**
 * Withdraws a reminder before it leaves the scheduler, and only then: past
 * that point the renderer may be at it, and a `cancelled` status would lie.
 * Cancelling a cancelled occurrence answers it again (a retried call succeeds).
 */
@Injectable()
export class CancelOccurrenceUseCase {
  constructor(private readonly occurrences: OccurrenceRepository) {}

  async execute({ tenantId, occurrenceId }: CancelOccurrenceCommand): Promise<OccurrenceRow> {
    const cancellation = await this.occurrences.cancel(tenantId, occurrenceId);
    if (!cancellation.done) {
      switch (cancellation.why) {
        case 'not_found':
          throw new NotFound('OCCURRENCE.NOT_FOUND', 'occurrence_id', 'no such occurrence');
        case 'left_the_scheduler':
          throw new FailedPrecondition(
            'OCCURRENCE.ALREADY_RELEASED',
            'occurrence_id: its render job has already been handed to the renderer; it can no longer be cancelled',
          );
        case 'being_published':
          throw new FailedPrecondition(
            'OCCURRENCE.BEING_RELEASED',
            'occurrence_id: its render job is being handed to the renderer this moment; ask again shortly',
          );
        case 'not_to_be_sent':
          throw new FailedPrecondition(
            'OCCURRENCE.NOT_TO_BE_SENT',
            `occurrence_id: it was ${cancellation.status}; nothing is to be sent, so nothing can be cancelled`,
          );
      }
    }
    return (await this.occurrences.get(tenantId, occurrenceId))!;
  }
}
