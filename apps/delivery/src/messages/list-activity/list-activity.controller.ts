import { delivery } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { toMessageProto } from '../../grpc/to-proto';
import { pageToken } from '../page-token';
import { ListActivityUseCase } from './list-activity.usecase';

const listActivityCommand = z.object({
  tenantId: z.string(),
  customerId: z.uuid('must be a UUID'),
  invoiceId: z.union([z.literal(''), z.uuid('must be a UUID')]).transform((id) => id || undefined),
  pageSize: z
    .number()
    .int()
    .min(0)
    .max(500)
    .transform((n) => n || 100),
  pageToken: z.string().refine((t) => t === '' || pageToken.read(t) !== undefined, 'not a token this call gave'),
});

@Controller()
@UseGuards(TenantGuard)
export class ListActivityController {
  constructor(private readonly listActivity: ListActivityUseCase) {}

  @GrpcMethod('DeliveryService', 'ListActivity')
  async handle(
    @TenantCommand(listActivityCommand, 'ACTIVITY.INVALID') command: z.output<typeof listActivityCommand>,
  ): Promise<delivery.ListActivityResponse> {
    const { messages, nextPageToken } = await this.listActivity.execute(command);
    return { messages: messages.map(({ message, events }) => toMessageProto(message, events)), nextPageToken };
  }
}
