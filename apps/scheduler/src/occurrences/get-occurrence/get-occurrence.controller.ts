import { scheduler } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toOccurrenceProto } from '../occurrence-to-proto';
import { getOccurrenceCommand, type GetOccurrenceCommand } from './get-occurrence.command';
import { GetOccurrenceUseCase } from './get-occurrence.usecase';

@Controller()
@UseGuards(TenantGuard)
export class GetOccurrenceController {
  constructor(private readonly getOccurrence: GetOccurrenceUseCase) {}

  @GrpcMethod('SchedulerService', 'GetOccurrence')
  async handle(
    @TenantCommand(getOccurrenceCommand, 'OCCURRENCE.INVALID') command: GetOccurrenceCommand,
  ): Promise<scheduler.GetOccurrenceResponse> {
    return { occurrence: toOccurrenceProto(await this.getOccurrence.execute(command)) };
  }
}
