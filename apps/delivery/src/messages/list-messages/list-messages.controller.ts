import type { Metadata } from '@grpc/grpc-js';
import { delivery } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
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
export class ListMessagesController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly listMessages: ListMessagesUseCase,
  ) {}

  @GrpcMethod('DeliveryService', 'ListMessages')
  async handle(request: delivery.ListMessagesRequest, metadata: Metadata): Promise<delivery.ListMessagesResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(listMessagesCommand, { ...request, tenantId }, 'MESSAGE.INVALID');
    const { messages, nextPageToken } = await this.listMessages.execute(command);
    return { messages: messages.map((message) => toMessageProto(message)), nextPageToken };
  }
}
