import { delivery } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { suppressionPageToken, toSuppressionProto } from '../suppression.proto';
import { ListSuppressionsUseCase } from './list-suppressions.usecase';

const listSuppressionsCommand = z.object({
  tenantId: z.string(),
  address: z.union([z.literal(''), z.email('must be an email address')]),
  pageSize: z
    .number()
    .int()
    .min(0)
    .max(500)
    .transform((n) => n || 100),
  pageToken: z
    .string()
    .refine((t) => t === '' || suppressionPageToken.read(t) !== undefined, 'not a token this call gave'),
});

@Controller()
@UseGuards(TenantGuard)
export class ListSuppressionsController {
  constructor(private readonly listSuppressions: ListSuppressionsUseCase) {}

  @GrpcMethod('DeliveryService', 'ListSuppressions')
  async handle(
    @TenantCommand(listSuppressionsCommand, 'SUPPRESSION.INVALID') command: z.output<typeof listSuppressionsCommand>,
  ): Promise<delivery.ListSuppressionsResponse> {
    const { suppressions, nextPageToken } = await this.listSuppressions.execute(command);
    return { suppressions: suppressions.map(toSuppressionProto), nextPageToken };
  }
}
