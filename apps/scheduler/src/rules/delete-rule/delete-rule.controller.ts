import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { DeleteRuleUseCase } from './delete-rule.usecase';

const deleteRuleCommand = z.object({
  tenantId: z.string(),
  ruleId: z.uuid('must be a UUID').transform((id) => id.toLowerCase()),
});

@Controller()
export class DeleteRuleController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly deleteRule: DeleteRuleUseCase,
  ) {}

  /** Retires the rule: it decides nothing more, and its occurrences stay as history. */
  @GrpcMethod('SchedulerService', 'DeleteRule')
  async handle(request: scheduler.DeleteRuleRequest, metadata: Metadata): Promise<scheduler.DeleteRuleResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    await this.deleteRule.execute(parseRequest(deleteRuleCommand, { ...request, tenantId }, 'RULE.INVALID'));
    return {};
  }
}
