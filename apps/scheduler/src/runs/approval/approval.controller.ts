import { scheduler } from '@chasqui/contracts';
import { TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { approveRunCommand, type ApproveRunCommand } from './approve-run.command';
import { ApproveRunUseCase } from './approve-run.usecase';

@Controller()
@UseGuards(TenantGuard)
export class ApprovalController {
  constructor(private readonly approveRun: ApproveRunUseCase) {}

  @GrpcMethod('SchedulerService', 'ApproveRun')
  approve(
    @TenantCommand(approveRunCommand, 'RUN.INVALID') { tenantId, runId }: ApproveRunCommand,
  ): Promise<scheduler.ApproveRunResponse> {
    return this.approveRun.execute(tenantId, runId);
  }
}
