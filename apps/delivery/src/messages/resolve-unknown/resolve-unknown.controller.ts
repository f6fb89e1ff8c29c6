import { delivery } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { toMessageProto } from '../../grpc/to-proto';
import { ResolveUnknownUseCase } from './resolve-unknown.usecase';

const resolutions = {
  RESOLUTION_MARK_SENT: 'mark_sent',
  RESOLUTION_RESEND: 'resend',
} as const;

const resolveUnknownCommand = z.object({
  tenantId: z.string(),
  id: z.uuid('must be a message id (UUID)'),
  resolution: z
    .enum(['RESOLUTION_MARK_SENT', 'RESOLUTION_RESEND'], 'must be RESOLUTION_MARK_SENT or RESOLUTION_RESEND')
    .transform((r) => resolutions[r]),
  note: z.string().max(500),
});

@Controller()
@UseGuards(TenantGuard)
export class ResolveUnknownController {
  constructor(private readonly resolveUnknown: ResolveUnknownUseCase) {}

  @GrpcMethod('DeliveryService', 'ResolveUnknown')
  async handle(
    @TenantCommand(resolveUnknownCommand, 'MESSAGE.INVALID') command: z.output<typeof resolveUnknownCommand>,
  ): Promise<delivery.ResolveUnknownResponse> {
    return { message: toMessageProto(await this.resolveUnknown.execute(command)) };
  }
}
