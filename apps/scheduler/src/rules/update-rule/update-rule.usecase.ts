import { NotFound } from '@chasqui/errors';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { RendererClient } from '../../grpc/renderer.client';
import { RuleEntity, type Rule } from '../rule.entity';
import type { UpdateRuleCommand } from './update-rule.command';

/**
 * A rule's new definition. What it decided before stays decided: an
 * occurrence is never re-decided, so a changed schedule applies from its next
 * step on.
 */
@Injectable()
export class UpdateRuleUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly renderer: RendererClient,
  ) {}

  async execute({ tenantId, ruleId, rule: definition }: UpdateRuleCommand): Promise<Rule> {
    if (definition.template) await this.renderer.checkTemplate(tenantId, definition.template, definition.schedule.kind);
    const em = this.orm.em.fork();
    const rule = await em.findOne(RuleEntity, { id: ruleId, tenantId, deleted: false });
    if (!rule) throw new NotFound('RULE.NOT_FOUND', 'rule_id', 'no such rule');
    em.assign(rule, { ...definition, kind: definition.schedule.kind, updatedAt: new Date() });
    await em.flush();
    return rule;
  }
}
