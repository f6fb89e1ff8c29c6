import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { TenantAuth } from '@chasqui/grpc';
import { MikroORM } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { toRuleProto } from '../../grpc/to-proto';
import { RuleEntity } from '../rule.entity';

@Controller()
export class ListRulesController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly orm: MikroORM,
  ) {}

  /** The tenant's rules, oldest first; retired ones are history, not rules. */
  @GrpcMethod('SchedulerService', 'ListRules')
  async handle(_request: scheduler.ListRulesRequest, metadata: Metadata): Promise<scheduler.ListRulesResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const rules = await this.orm.em
      .fork()
      .find(RuleEntity, { tenantId, deleted: false }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return { rules: rules.map(toRuleProto) };
  }
}
