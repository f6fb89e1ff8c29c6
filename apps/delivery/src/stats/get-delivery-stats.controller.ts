import { delivery, type Timestamp } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { GetDeliveryStatsUseCase } from './get-delivery-stats.usecase';

const instant = (fallback: Date) =>
  z
    .custom<Timestamp | null | undefined>()
    .transform((t) => (t ? new Date(Number(t.seconds) * 1000 + Math.floor(t.nanos / 1e6)) : fallback))
    .refine((date) => !Number.isNaN(date.getTime()), 'must be a valid timestamp');

const getDeliveryStatsCommand = z
  .object({
    tenantId: z.string(),
    from: instant(new Date(0)),
    to: instant(new Date('9999-12-31T00:00:00Z')),
  })
  .refine((c) => c.from < c.to, { path: ['to'], message: 'must be after from' });

@Controller()
@UseGuards(TenantGuard)
export class GetDeliveryStatsController {
  constructor(private readonly getStats: GetDeliveryStatsUseCase) {}

  @GrpcMethod('DeliveryService', 'GetDeliveryStats')
  async handle(
    @TenantCommand(getDeliveryStatsCommand, 'STATS.INVALID') command: z.output<typeof getDeliveryStatsCommand>,
  ): Promise<delivery.GetDeliveryStatsResponse> {
    const s = await this.getStats.execute(command);
    return {
      sent: String(s.sent),
      failed: String(s.failed),
      unknown: String(s.unknown),
      bouncedHard: String(s.bouncedHard),
      bouncedSoft: String(s.bouncedSoft),
      complaints: String(s.complaints),
      complaintRate: s.sent > 0 ? s.complaints / s.sent : 0,
      humanReplies: String(s.humanReplies),
      autoReplies: String(s.autoReplies),
      promisesToPay: String(s.promisesToPay),
      unsubscribes: String(s.unsubscribes),
      suppressedAddresses: String(s.suppressedAddresses),
    };
  }
}
