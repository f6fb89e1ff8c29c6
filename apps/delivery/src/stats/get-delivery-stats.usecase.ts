import { InvalidArgument } from '@chasqui/grpc';
import { Injectable } from '@nestjs/common';
import { DeliveryStatsRepository, type DeliveryStats } from './delivery-stats.repository';

@Injectable()
export class GetDeliveryStatsUseCase {
  constructor(private readonly stats: DeliveryStatsRepository) {}

  execute({ tenantId, from, to }: { tenantId: string; from: Date; to: Date }): Promise<DeliveryStats> {
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
      throw new InvalidArgument('STATS.INVALID', [{ field: 'to', description: 'must be a time after from' }]);
    }
    return this.stats.of(tenantId, from, to);
  }
}
