import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toOccurrenceProto } from '../occurrence-to-proto';
import { listOccurrencesCommand } from './list-occurrences.command';
import { ListOccurrencesUseCase } from './list-occurrences.usecase';

@Controller()
export class ListOccurrencesController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly listOccurrences: ListOccurrencesUseCase,
  ) {}

  /** The tenant's occurrences, newest decision first, filtered, a page at a time. */
  @GrpcMethod('SchedulerService', 'ListOccurrences')
  async handle(
    request: scheduler.ListOccurrencesRequest,
    metadata: Metadata,
  ): Promise<scheduler.ListOccurrencesResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(listOccurrencesCommand, { ...request, tenantId }, 'OCCURRENCES.INVALID');
    const { occurrences, nextPageToken } = await this.listOccurrences.execute(command);
    return { occurrences: occurrences.map(toOccurrenceProto), nextPageToken };
  }
}
