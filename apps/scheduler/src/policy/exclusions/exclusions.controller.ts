import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { NotFound, parseRequest, TenantAuth } from '@chasqui/grpc';
import { MikroORM } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { SCHEMA } from '../../database/orm-settings';
import { RuleEntity } from '../../rules/rule.entity';
import { normaliseName, normaliseTaxId, type Exclusion } from '../policy-book';
import { policyFields } from '../policy-fields';

const addExclusionCommand = z
  .object({
    tenantId: z.string(),
    ruleId: policyFields.optionalId,
    match: z.enum(['taxId', 'legalName'], { error: 'a tax_id or a legal_name is required' }),
    taxId: z.string().nullish(),
    legalName: z.string().nullish(),
  })
  .transform((c, ctx) => {
    const raw = (c.match === 'taxId' ? c.taxId : c.legalName) ?? '';
    const value = c.match === 'taxId' ? normaliseTaxId(raw) : normaliseName(raw);
    if (value === '' || value.length > 200) {
      ctx.addIssue({ code: 'custom', path: [c.match], message: 'must be 1 to 200 characters' });
      return z.NEVER;
    }
    return {
      tenantId: c.tenantId,
      ruleId: c.ruleId,
      match: c.match === 'taxId' ? ('tax_id' as const) : ('name' as const),
      value,
    };
  });

const removeExclusionCommand = z.object({ tenantId: z.string(), exclusionId: policyFields.id });

const toProto = (e: Exclusion): scheduler.Exclusion => ({
  id: e.id,
  ruleId: e.ruleId ?? '',
  ...(e.match === 'tax_id' ? { taxId: e.value } : { legalName: e.value }),
});

/** Customers never chased, by tax id or legal name, for every rule or one; adding one twice is one. */
@Controller()
export class ExclusionsController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly orm: MikroORM,
  ) {}

  @GrpcMethod('SchedulerService', 'AddExclusion')
  async add(request: scheduler.AddExclusionRequest, metadata: Metadata): Promise<scheduler.AddExclusionResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(addExclusionCommand, { ...request, tenantId }, 'EXCLUSION.INVALID');
    const em = this.orm.em.fork();
    if (command.ruleId && !(await em.count(RuleEntity, { id: command.ruleId, tenantId, deleted: false }))) {
      throw new NotFound('RULE.NOT_FOUND', 'rule_id', 'no such rule');
    }
    await em.execute(
      `insert into ${SCHEMA}.exclusions (id, tenant_id, rule_id, match, value, created_at)
       values (?, ?, ?, ?, ?, now()) on conflict do nothing`,
      [randomUUID(), tenantId, command.ruleId, command.match, command.value],
    );
    const [row] = await em.execute<{ id: string }[]>(
      `select id from ${SCHEMA}.exclusions
        where tenant_id = ? and rule_id is not distinct from ?::uuid and match = ? and value = ?`,
      [tenantId, command.ruleId, command.match, command.value],
    );
    return { exclusion: toProto({ id: row.id, ruleId: command.ruleId, match: command.match, value: command.value }) };
  }

  @GrpcMethod('SchedulerService', 'RemoveExclusion')
  async remove(
    request: scheduler.RemoveExclusionRequest,
    metadata: Metadata,
  ): Promise<scheduler.RemoveExclusionResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(removeExclusionCommand, { ...request, tenantId }, 'EXCLUSION.INVALID');
    const removed = await this.orm.em
      .fork()
      .execute(`delete from ${SCHEMA}.exclusions where tenant_id = ? and id = ? returning id`, [
        tenantId,
        command.exclusionId,
      ]);
    if (removed.length === 0) throw new NotFound('EXCLUSION.NOT_FOUND', 'exclusion_id', 'no such exclusion');
    return {};
  }

  @GrpcMethod('SchedulerService', 'ListExclusions')
  async list(_request: scheduler.ListExclusionsRequest, metadata: Metadata): Promise<scheduler.ListExclusionsResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const rows = await this.orm.em
      .fork()
      .execute<{ id: string; rule_id: string | null; match: Exclusion['match']; value: string }[]>(
        `select id, rule_id, match, value from ${SCHEMA}.exclusions where tenant_id = ? order by created_at, id`,
        [tenantId],
      );
    return { exclusions: rows.map((r) => toProto({ id: r.id, ruleId: r.rule_id, match: r.match, value: r.value })) };
  }
}
