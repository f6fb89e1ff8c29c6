import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { policyFields } from '../../policy/policy-fields';
import { ApproveRunUseCase } from './approve-run.usecase';

const approveRunCommand = z.object({ tenantId: z.string(), runId: policyFields.id });

@Controller()
export class ApprovalController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly approveRun: ApproveRunUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'ApproveRun')
  async approve(request: scheduler.ApproveRunRequest, metadata: Metadata): Promise<scheduler.ApproveRunResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const { runId } = parseRequest(approveRunCommand, { ...request, tenantId }, 'RUN.INVALID');
    return this.approveRun.execute(tenantId, runId);
  }
}
