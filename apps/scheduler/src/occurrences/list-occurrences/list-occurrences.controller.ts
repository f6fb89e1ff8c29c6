import { scheduler } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toOccurrenceProto } from '../occurrence-to-proto';
import { listOccurrencesCommand, type ListOccurrencesCommand } from './list-occurrences.command';
import { ListOccurrencesUseCase } from './list-occurrences.usecase';

@Controller()
@UseGuards(TenantGuard)
export class ListOccurrencesController {
  constructor(private readonly listOccurrences: ListOccurrencesUseCase) {}

  /** The tenant's occurrences, newest decision first, filtered, a page at a time. */
  @GrpcMethod('SchedulerService', 'ListOccurrences')
  async handle(
    @TenantCommand(listOccurrencesCommand, 'OCCURRENCES.INVALID') command: ListOccurrencesCommand,
  ): Promise<scheduler.ListOccurrencesResponse> {
    const { occurrences, nextPageToken } = await this.listOccurrences.execute(command);
    return { occurrences: occurrences.map(toOccurrenceProto), nextPageToken };
  }
}
