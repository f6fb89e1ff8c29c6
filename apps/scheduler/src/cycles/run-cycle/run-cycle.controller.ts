import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { runCycleRequest } from './run-cycle.command';
import { RunCycleUseCase } from './run-cycle.usecase';

@Controller()
export class RunCycleController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly runCycle: RunCycleUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'RunCycle')
  async handle(request: scheduler.RunCycleRequest, metadata: Metadata): Promise<scheduler.RunCycleResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const result = await this.runCycle.execute(
      parseRequest(runCycleRequest, { ...request, tenantId }, 'CYCLE.INVALID'),
    );
    return {
      queued: result.queued,
      missed: result.missed,
      skipped: result.skipped,
      awaitingApproval: result.awaitingApproval,
      runId: result.runId,
      skippedByReason: reasonCounts(result.skippedBy),
      rules: result.rules.map((rule) => ({
        ruleId: rule.ruleId,
        queued: rule.queued,
        missed: rule.missed,
        skipped: rule.skipped,
        skippedByReason: reasonCounts(rule.skippedBy),
        awaitingApproval: rule.awaitingApproval,
      })),
    };
  }
}

/** Most first, then by reason. */
function reasonCounts(byReason: Record<string, number>): scheduler.ReasonCount[] {
  return Object.entries(byReason)
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
}
