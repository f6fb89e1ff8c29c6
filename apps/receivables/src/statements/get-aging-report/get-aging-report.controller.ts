import { receivables } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { getAgingReportCommand, type GetAgingReportCommand } from './get-aging-report.command';
import { GetAgingReportUseCase } from './get-aging-report.usecase';

@Controller()
@UseGuards(TenantGuard)
export class GetAgingReportController {
  constructor(private readonly getAgingReport: GetAgingReportUseCase) {}

  @GrpcMethod('ReceivablesService', 'GetAgingReport')
  async handle(
    @TenantCommand(getAgingReportCommand, 'AGING.INVALID') command: GetAgingReportCommand,
  ): Promise<receivables.GetAgingReportResponse> {
    return this.getAgingReport.execute(command);
  }
}
