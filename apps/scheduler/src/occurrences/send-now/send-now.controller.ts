import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toOccurrenceProto } from '../occurrence-to-proto';
import { sendNowCommand } from './send-now.command';
import { SendNowUseCase } from './send-now.usecase';

@Controller()
export class SendNowController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly sendNow: SendNowUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'SendNow')
  async handle(request: scheduler.SendNowRequest, metadata: Metadata): Promise<scheduler.SendNowResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(sendNowCommand, { ...request, tenantId }, 'SEND_NOW.INVALID');
    return { occurrence: toOccurrenceProto(await this.sendNow.execute(command)) };
  }
}
