import { PermanentFailure } from '@chasqui/messaging';
import { JsonLogger } from '@chasqui/observability';
import { Injectable } from '@nestjs/common';
import type { OutcomeReport } from '../delivery-outcome';
import { OccurrenceRepository } from '../occurrence.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the renderer or delivery reported about one occurrence. */
export interface OutcomeCommand extends OutcomeReport {
  tenantId: string;
  occurrenceId: string;
}

/**
 * Follows a queued occurrence downstream so it never says `queued` forever:
 * sent, unknown, or dead-lettered with the reason. Reports about occurrences
 * the scheduler never decided (a test send, another tenant's) change nothing.
 */
@Injectable()
export class RecordOutcomeUseCase {
  constructor(
    private readonly occurrences: OccurrenceRepository,
    private readonly log: JsonLogger,
  ) {}

  async execute(command: OutcomeCommand): Promise<void> {
    const { tenantId, occurrenceId, ...report } = command;
    if (!UUID.test(tenantId) || !UUID.test(occurrenceId)) {
      throw new PermanentFailure(`outcome report names no occurrence (tenant ${tenantId}, occurrence ${occurrenceId})`);
    }
    const known = await this.occurrences.recordOutcome(tenantId, occurrenceId, report);
    if (!known) this.log.debug('outcome for an occurrence the scheduler did not decide', { occurrenceId, ...report });
  }
}
