import type { Metadata } from '@grpc/grpc-js';
import { delivery } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { toMessageProto } from '../../grpc/to-proto';
import { ListActivityUseCase } from './list-activity.usecase';

const listActivityCommand = z.object({ tenantId: z.string(), customerId: z.uuid('must be a UUID') });

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
    return { messages: (await this.listActivity.execute(command)).map(toMessageProto) };
  }
}
