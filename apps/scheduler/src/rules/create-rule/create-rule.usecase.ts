import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RuleEntity, type Rule } from '../rule.entity';
import type { CreateRuleCommand } from './create-rule.command';

@Injectable()
export class CreateRuleUseCase {
  constructor(private readonly orm: MikroORM) {}

  async execute(command: CreateRuleCommand): Promise<Rule> {
    const em = this.orm.em.fork();
    const rule = em.create(RuleEntity, {
      id: randomUUID(),
      tenantId: command.tenantId,
      name: command.name,
      kind: 'overdue',
      active: true,
      sendHour: command.sendHour,
      fromDays: command.overdue.fromDays,
      untilDays: command.overdue.untilDays ?? null,
      everyDays: command.overdue.everyDays ?? null,
      createdAt: new Date(),
    });
    await em.flush();
    return rule;
  }
}
