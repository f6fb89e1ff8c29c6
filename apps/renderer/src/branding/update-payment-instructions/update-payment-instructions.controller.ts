import type { Metadata } from '@grpc/grpc-js';
import type { renderer } from '@chasqui/contracts';
import { InvalidArgument, parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { fromAccountType, toPaymentInstructionsProto } from '../branding.proto';
import { BrandingRepository } from '../branding.repository';
import { paymentInstructionsSchema } from '../domain/payment-account';

const command = z.object({ tenantId: z.string(), instructions: paymentInstructionsSchema });

/** Checked (a CLABE's check digit too) and saved whole: what customers read beside the amount owed. */
@Controller()
export class UpdatePaymentInstructionsController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly brandings: BrandingRepository,
  ) {}

  @GrpcMethod('RendererService', 'UpdatePaymentInstructions')
  async handle(
    request: renderer.UpdatePaymentInstructionsRequest,
    metadata: Metadata,
  ): Promise<renderer.UpdatePaymentInstructionsResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const given = request.instructions;
    if (!given) {
      throw new InvalidArgument('PAYMENT_INSTRUCTIONS.INVALID', [{ field: 'instructions', description: 'required' }]);
    }
    const { instructions } = parseRequest(
      command,
      {
        tenantId,
        instructions: {
          accounts: given.accounts.map((a) => ({ ...a, accountType: fromAccountType(a.accountType) })),
          note: given.note,
        },
      },
      'PAYMENT_INSTRUCTIONS.INVALID',
    );
    const saved = await this.brandings.savePaymentInstructions(tenantId, instructions);
    return { instructions: toPaymentInstructionsProto(saved) };
  }
}
