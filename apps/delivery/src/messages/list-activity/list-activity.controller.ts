import type { Metadata } from '@grpc/grpc-js';
import { delivery } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
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
export class ListActivityController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly listActivity: ListActivityUseCase,
  ) {}

  @GrpcMethod('DeliveryService', 'ListActivity')
  async handle(request: delivery.ListActivityRequest, metadata: Metadata): Promise<delivery.ListActivityResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(listActivityCommand, { ...request, tenantId }, 'ACTIVITY.INVALID');
    const { messages, nextPageToken } = await this.listActivity.execute(command);
    return { messages: messages.map(({ message, events }) => toMessageProto(message, events)), nextPageToken };
  }
}
