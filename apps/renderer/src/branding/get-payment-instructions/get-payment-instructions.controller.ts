import type { renderer } from '@chasqui/contracts';
import { Tenant, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toPaymentInstructionsProto } from '../branding.proto';
import { BrandingRepository } from '../branding.repository';

@Controller()
@UseGuards(TenantGuard)
export class GetPaymentInstructionsController {
  constructor(private readonly brandings: BrandingRepository) {}

  @GrpcMethod('RendererService', 'GetPaymentInstructions')
  async handle(@Tenant() tenantId: string): Promise<renderer.GetPaymentInstructionsResponse> {
    return { instructions: toPaymentInstructionsProto(await this.brandings.paymentInstructions(tenantId)) };
  }
}
