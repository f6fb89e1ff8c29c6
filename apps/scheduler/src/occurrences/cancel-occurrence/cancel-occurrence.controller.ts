import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toOccurrenceProto } from '../occurrence-to-proto';
import { cancelOccurrenceCommand } from './cancel-occurrence.command';
import { CancelOccurrenceUseCase } from './cancel-occurrence.usecase';

@Controller()
export class CancelOccurrenceController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly cancelOccurrence: CancelOccurrenceUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'CancelOccurrence')
  async handle(
    request: scheduler.CancelOccurrenceRequest,
    metadata: Metadata,
  ): Promise<scheduler.CancelOccurrenceResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(cancelOccurrenceCommand, { ...request, tenantId }, 'OCCURRENCE.INVALID');
    return { occurrence: toOccurrenceProto(await this.cancelOccurrence.execute(command)) };
  }
}
