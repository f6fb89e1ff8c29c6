import { delivery } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { toSuppressionProto } from '../suppression.proto';
import { LiftSuppressionUseCase } from './lift-suppression.usecase';

const liftSuppressionCommand = z.object({ tenantId: z.string(), address: z.email('must be an email address') });

@Controller()
@UseGuards(TenantGuard)
export class LiftSuppressionController {
  constructor(private readonly liftSuppression: LiftSuppressionUseCase) {}

  @GrpcMethod('DeliveryService', 'LiftSuppression')
  async handle(
    @TenantCommand(liftSuppressionCommand, 'SUPPRESSION.INVALID') command: z.output<typeof liftSuppressionCommand>,
  ): Promise<delivery.LiftSuppressionResponse> {
    return { lifted: toSuppressionProto(await this.liftSuppression.execute(command)) };
  }
}
