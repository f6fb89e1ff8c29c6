import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { MikroORM } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { SCHEMA } from '../../database/orm-settings';
import { policyFields } from '../../policy/policy-fields';
import { ApproveRunUseCase } from './approve-run.usecase';

const approveRunCommand = z.object({ tenantId: z.string(), runId: policyFields.id });

@Controller()
export class ApprovalController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly orm: MikroORM,
    private readonly approveRun: ApproveRunUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'SetApprovalMode')
  async setMode(
    request: scheduler.SetApprovalModeRequest,
    metadata: Metadata,
  ): Promise<scheduler.SetApprovalModeResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const em = this.orm.em.fork();
    await em.execute(
      `insert into ${SCHEMA}.tenant_settings (tenant_id, approval_required) values (?, ?)
       on conflict (tenant_id) do update set approval_required = excluded.approval_required, updated_at = now()`,
      [tenantId, request.approvalRequired === true],
    );
    const [open] = await em.execute<{ id: string }[]>(
      `select id from ${SCHEMA}.runs where tenant_id = ? and status = 'awaiting_approval'`,
      [tenantId],
    );
    return { approvalRequired: request.approvalRequired === true, openRunId: open?.id ?? '' };
  }

  @GrpcMethod('SchedulerService', 'ApproveRun')
  async approve(request: scheduler.ApproveRunRequest, metadata: Metadata): Promise<scheduler.ApproveRunResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const { runId } = parseRequest(approveRunCommand, { ...request, tenantId }, 'RUN.INVALID');
    return this.approveRun.execute(tenantId, runId);
  }
}
