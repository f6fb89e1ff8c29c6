import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { NotFound, parseRequest, TenantAuth } from '@chasqui/grpc';
import { MikroORM } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { RuleEntity } from '../rule.entity';

const deleteRuleCommand = z.object({
  tenantId: z.string(),
  ruleId: z.uuid('must be a UUID').transform((id) => id.toLowerCase()),
});

@Controller()
export class DeleteRuleController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly orm: MikroORM,
  ) {}

  /** Retires the rule: it decides nothing more, and its occurrences stay as history. */
  @GrpcMethod('SchedulerService', 'DeleteRule')
  async handle(request: scheduler.DeleteRuleRequest, metadata: Metadata): Promise<scheduler.DeleteRuleResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const { ruleId } = parseRequest(deleteRuleCommand, { ...request, tenantId }, 'RULE.INVALID');
    const em = this.orm.em.fork();
    const rule = await em.findOne(RuleEntity, { id: ruleId, tenantId, deleted: false });
    if (!rule) throw new NotFound('RULE.NOT_FOUND', 'rule_id', 'no such rule');
    em.assign(rule, { deleted: true, active: false, updatedAt: new Date() });
    await em.flush();
    return {};
  }
}
