import type { Metadata } from '@grpc/grpc-js';
import { delivery } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
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
export class ResolveUnknownController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly resolveUnknown: ResolveUnknownUseCase,
  ) {}

  @GrpcMethod('DeliveryService', 'ResolveUnknown')
  async handle(request: delivery.ResolveUnknownRequest, metadata: Metadata): Promise<delivery.ResolveUnknownResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(resolveUnknownCommand, { ...request, tenantId }, 'MESSAGE.INVALID');
    return { message: toMessageProto(await this.resolveUnknown.execute(command)) };
  }
}
