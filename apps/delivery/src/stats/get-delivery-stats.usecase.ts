import { Injectable } from '@nestjs/common';
import { DeliveryStatsRepository, type DeliveryStats } from './delivery-stats.repository';

/** A tenant's delivery counts over [from, to), for its dashboard. */
@Injectable()
export class GetDeliveryStatsUseCase {
  constructor(private readonly stats: DeliveryStatsRepository) {}

  execute({ tenantId, from, to }: { tenantId: string; from: Date; to: Date }): Promise<DeliveryStats> {
    return this.stats.of(tenantId, from, to);
  }
}
