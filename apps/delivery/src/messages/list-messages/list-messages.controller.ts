import { delivery } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { fromProtoStatus, toMessageProto } from '../../grpc/to-proto';
import { pageToken } from '../page-token';
import { ListMessagesUseCase } from './list-messages.usecase';

const listMessagesCommand = z.object({
  tenantId: z.string(),
  statuses: z
    .array(
      z
        .string()
        .refine((s) => fromProtoStatus(s) !== undefined, 'must be a message status')
        .transform((s) => fromProtoStatus(s)!),
    )
    .min(1, 'name at least one status'),
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
export class ListMessagesController {
  constructor(private readonly listMessages: ListMessagesUseCase) {}

  @GrpcMethod('DeliveryService', 'ListMessages')
  async handle(
    @TenantCommand(listMessagesCommand, 'MESSAGE.INVALID') command: z.output<typeof listMessagesCommand>,
  ): Promise<delivery.ListMessagesResponse> {
    const { messages, nextPageToken } = await this.listMessages.execute(command);
    return { messages: messages.map((message) => toMessageProto(message)), nextPageToken };
  }
}
