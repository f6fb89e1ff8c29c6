import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toOccurrenceProto } from '../occurrence-to-proto';
import { getOccurrenceCommand } from './get-occurrence.command';
import { GetOccurrenceUseCase } from './get-occurrence.usecase';

@Controller()
export class GetOccurrenceController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly getOccurrence: GetOccurrenceUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'GetOccurrence')
  async handle(request: scheduler.GetOccurrenceRequest, metadata: Metadata): Promise<scheduler.GetOccurrenceResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(getOccurrenceCommand, { ...request, tenantId }, 'OCCURRENCE.INVALID');
    return { occurrence: toOccurrenceProto(await this.getOccurrence.execute(command)) };
  }
}
