import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { RuleEntity, type Rule } from './rule.entity';

/** A tenant's rules; retired ones stay as the history their occurrences point to. */
@Injectable()
export class RuleRepository {
  constructor(private readonly orm: MikroORM) {}

  /** The rules in force, oldest first. */
  listActive(tenantId: string): Promise<Rule[]> {
    return this.orm.em
      .fork()
      .find(RuleEntity, { tenantId, deleted: false }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /** One of the tenant's rules in force; undefined when it has none by that id. */
  async inForce(tenantId: string, ruleId: string): Promise<Rule | undefined> {
    return (await this.orm.em.fork().findOne(RuleEntity, { id: ruleId, tenantId, deleted: false })) ?? undefined;
  }

  /** The tenant's rules in force of one kind, oldest first. */
  ofKind(tenantId: string, kind: Rule['kind']): Promise<Rule[]> {
    return this.orm.em
      .fork()
      .find(RuleEntity, { tenantId, kind, deleted: false }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /** Retires the rule (it decides nothing more); false when the tenant has no such rule in force. */
  async retire(tenantId: string, ruleId: string): Promise<boolean> {
    const em = this.orm.em.fork();
    const rule = await em.findOne(RuleEntity, { id: ruleId, tenantId, deleted: false });
    if (!rule) return false;
    em.assign(rule, { deleted: true, active: false, updatedAt: new Date() });
    await em.flush();
    return true;
  }
}
