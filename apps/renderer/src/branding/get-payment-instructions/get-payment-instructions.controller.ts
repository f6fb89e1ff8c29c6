import type { Metadata } from '@grpc/grpc-js';
import type { renderer } from '@chasqui/contracts';
import { TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toPaymentInstructionsProto } from '../branding.proto';
import { BrandingRepository } from '../branding.repository';

@Controller()
export class GetPaymentInstructionsController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly brandings: BrandingRepository,
  ) {}

  @GrpcMethod('RendererService', 'GetPaymentInstructions')
  async handle(
    _request: renderer.GetPaymentInstructionsRequest,
    metadata: Metadata,
  ): Promise<renderer.GetPaymentInstructionsResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    return { instructions: toPaymentInstructionsProto(await this.brandings.paymentInstructions(tenantId)) };
  }
}
