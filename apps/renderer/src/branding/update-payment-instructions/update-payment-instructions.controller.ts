import type { renderer } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toPaymentInstructionsProto } from '../branding.proto';
import { BrandingRepository } from '../branding.repository';
import {
  updatePaymentInstructionsCommand,
  type UpdatePaymentInstructionsCommand,
} from './update-payment-instructions.command';

/** Nothing to decide beyond the command's checks: the edge saves them through the repository. */
@Controller()
@UseGuards(TenantGuard)
export class UpdatePaymentInstructionsController {
  constructor(private readonly brandings: BrandingRepository) {}

  @GrpcMethod('RendererService', 'UpdatePaymentInstructions')
  async handle(
    @TenantCommand(updatePaymentInstructionsCommand, 'PAYMENT_INSTRUCTIONS.INVALID')
    { tenantId, instructions }: UpdatePaymentInstructionsCommand,
  ): Promise<renderer.UpdatePaymentInstructionsResponse> {
    return {
      instructions: toPaymentInstructionsProto(await this.brandings.savePaymentInstructions(tenantId, instructions)),
    };
  }
}
