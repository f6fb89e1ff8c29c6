import type { Metadata } from '@grpc/grpc-js';
import { delivery } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { timestamp, toMessageProto } from '../../grpc/to-proto';
import { GetMessageUseCase } from './get-message.usecase';

/** Raw bytes returned in one answer, at most: well inside gRPC's message size. */
const RAW_BUDGET = 4 * 1024 * 1024;

const getMessageCommand = z.object({ tenantId: z.string(), id: z.uuid('must be a message id (UUID)') });

@Controller()
export class GetMessageController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly getMessage: GetMessageUseCase,
  ) {}

  @GrpcMethod('DeliveryService', 'GetMessage')
  async handle(request: delivery.GetMessageRequest, metadata: Metadata): Promise<delivery.GetMessageResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(getMessageCommand, { ...request, tenantId }, 'MESSAGE.INVALID');
    const { message, events, inbound } = await this.getMessage.execute(command);
    let budget = RAW_BUDGET;
    const within = (raw: Buffer) => (raw.length <= budget ? ((budget -= raw.length), raw) : Buffer.alloc(0));
    return {
      message: toMessageProto(message, events),
      headers: message.headers,
      inbound: inbound.map((email) => ({
        id: email.id,
        receivedAt: timestamp(email.receivedAt),
        mailFrom: email.mailFrom,
        rcptTo: email.rcptTo,
        kind: email.kind ?? '',
        subject: email.subject,
        raw: within(email.raw),
        size: email.size,
      })),
    };
  }
}
