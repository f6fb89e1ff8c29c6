import { delivery } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { timestamp, toMessageProto } from '../../grpc/to-proto';
import { GetMessageUseCase } from './get-message.usecase';

/** Raw bytes returned in one answer, at most: well inside gRPC's message size. */
const RAW_BUDGET = 4 * 1024 * 1024;

const getMessageCommand = z.object({ tenantId: z.string(), id: z.uuid('must be a message id (UUID)') });

@Controller()
@UseGuards(TenantGuard)
export class GetMessageController {
  constructor(private readonly getMessage: GetMessageUseCase) {}

  @GrpcMethod('DeliveryService', 'GetMessage')
  async handle(
    @TenantCommand(getMessageCommand, 'MESSAGE.INVALID') command: z.output<typeof getMessageCommand>,
  ): Promise<delivery.GetMessageResponse> {
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
