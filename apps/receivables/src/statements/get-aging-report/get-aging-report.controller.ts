import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { getAgingReportCommand } from './get-aging-report.command';
import { GetAgingReportUseCase } from './get-aging-report.usecase';

@Controller()
export class GetAgingReportController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly getAgingReport: GetAgingReportUseCase,
  ) {}

  @GrpcMethod('ReceivablesService', 'GetAgingReport')
  async handle(
    request: receivables.GetAgingReportRequest,
    metadata: Metadata,
  ): Promise<receivables.GetAgingReportResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    return this.getAgingReport.execute(parseRequest(getAgingReportCommand, { ...request, tenantId }, 'AGING.INVALID'));
  }
}
