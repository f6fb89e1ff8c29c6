import { receivables } from '@chasqui/contracts';
import { Injectable } from '@nestjs/common';
import { CollectiblesRepository } from '../collectibles.repository';

/** The zones, country and oldest due date the scheduler works out which dates to ask for from. */
@Injectable()
export class GetCollectibleScopeUseCase {
  constructor(private readonly collectibles: CollectiblesRepository) {}

  execute(tenantId: string): Promise<receivables.GetCollectibleScopeResponse> {
    return this.collectibles.scope(tenantId);
  }
}
