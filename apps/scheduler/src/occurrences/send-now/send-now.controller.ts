import { scheduler } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toOccurrenceProto } from '../occurrence-to-proto';
import { sendNowCommand, type SendNowCommand } from './send-now.command';
import { SendNowUseCase } from './send-now.usecase';

@Controller()
@UseGuards(TenantGuard)
export class SendNowController {
  constructor(private readonly sendNow: SendNowUseCase) {}

  @GrpcMethod('SchedulerService', 'SendNow')
  async handle(
    @TenantCommand(sendNowCommand, 'SEND_NOW.INVALID') command: SendNowCommand,
  ): Promise<scheduler.SendNowResponse> {
    return { occurrence: toOccurrenceProto(await this.sendNow.execute(command)) };
  }
}
