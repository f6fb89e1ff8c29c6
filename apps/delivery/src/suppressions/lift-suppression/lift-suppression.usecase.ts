import { NotFound } from '@chasqui/errors';
import { Injectable } from '@nestjs/common';
import type { Suppression } from '../suppression.entity';
import { SuppressionRepository } from '../suppression.repository';

/** Sends to the address again; the next reminder goes to it. */
@Injectable()
export class LiftSuppressionUseCase {
  constructor(private readonly suppressions: SuppressionRepository) {}

  async execute({ tenantId, address }: { tenantId: string; address: string }): Promise<Suppression> {
    const lifted = await this.suppressions.lift(tenantId, address);
    if (!lifted) throw new NotFound('SUPPRESSION.NOT_FOUND', 'address', 'is not on the suppression list');
    return lifted;
  }
}
