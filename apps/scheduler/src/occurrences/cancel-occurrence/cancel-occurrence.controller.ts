import { scheduler } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toOccurrenceProto } from '../occurrence-to-proto';
import { cancelOccurrenceCommand, type CancelOccurrenceCommand } from './cancel-occurrence.command';
import { CancelOccurrenceUseCase } from './cancel-occurrence.usecase';

@Controller()
@UseGuards(TenantGuard)
export class CancelOccurrenceController {
  constructor(private readonly cancelOccurrence: CancelOccurrenceUseCase) {}

  @GrpcMethod('SchedulerService', 'CancelOccurrence')
  async handle(
    @TenantCommand(cancelOccurrenceCommand, 'OCCURRENCE.INVALID') command: CancelOccurrenceCommand,
  ): Promise<scheduler.CancelOccurrenceResponse> {
    return { occurrence: toOccurrenceProto(await this.cancelOccurrence.execute(command)) };
  }
}
