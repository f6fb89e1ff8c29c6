import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RendererClient } from '../../grpc/renderer.client';
import { RuleEntity, type Rule } from '../rule.entity';
import type { CreateRuleCommand } from './create-rule.command';

@Injectable()
export class CreateRuleUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly renderer: RendererClient,
  ) {}

  async execute({ tenantId, definition }: CreateRuleCommand): Promise<Rule> {
    if (definition.template) await this.renderer.checkTemplate(tenantId, definition.template, definition.schedule.kind);
    const em = this.orm.em.fork();
    const now = new Date();
    const rule = em.create(RuleEntity, {
      id: randomUUID(),
      tenantId,
      ...definition,
      kind: definition.schedule.kind,
      deleted: false,
      decidedThrough: null,
      startedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await em.flush();
    return rule;
  }
}
