import type { Metadata } from '@grpc/grpc-js';
import { delivery } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { toSuppressionProto } from '../suppression.proto';
import { LiftSuppressionUseCase } from './lift-suppression.usecase';

const liftSuppressionCommand = z.object({ tenantId: z.string(), address: z.email('must be an email address') });

@Controller()
export class LiftSuppressionController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly liftSuppression: LiftSuppressionUseCase,
  ) {}

  @GrpcMethod('DeliveryService', 'LiftSuppression')
  async handle(
    request: delivery.LiftSuppressionRequest,
    metadata: Metadata,
  ): Promise<delivery.LiftSuppressionResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(liftSuppressionCommand, { ...request, tenantId }, 'SUPPRESSION.INVALID');
    return { lifted: toSuppressionProto(await this.liftSuppression.execute(command)) };
  }
}
