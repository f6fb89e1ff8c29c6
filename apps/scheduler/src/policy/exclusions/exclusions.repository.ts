import { nativeQuery } from '@chasqui/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SCHEMA } from '../../database/orm-settings';
import { RuleEntity } from '../../rules/rule.entity';
import type { Exclusion } from '../policy-book';

/** A tenant's exclusions: customers never chased, by tax id or legal name, for every rule or one. */
@Injectable()
export class ExclusionsRepository {
  constructor(private readonly orm: MikroORM) {}

  async ruleExists(tenantId: string, ruleId: string): Promise<boolean> {
    return (await this.orm.em.fork().count(RuleEntity, { id: ruleId, tenantId, deleted: false })) > 0;
  }

  /** Adds it unless the same exclusion exists; answers the one stored either way. */
  async add(tenantId: string, exclusion: Omit<Exclusion, 'id'>): Promise<Exclusion> {
    const em = this.orm.em.fork();
    const { ruleId, match, value } = exclusion;
    await nativeQuery(
      em,
      `insert into ${SCHEMA}.exclusions (id, tenant_id, rule_id, match, value, created_at)
       values (?, ?, ?, ?, ?, now()) on conflict do nothing`,
      [randomUUID(), tenantId, ruleId, match, value],
    );
    const [row] = await nativeQuery<{ id: string }>(
      em,
      `select id from ${SCHEMA}.exclusions
        where tenant_id = ? and rule_id is not distinct from ?::uuid and match = ? and value = ?`,
      [tenantId, ruleId, match, value],
    );
    return { id: row.id, ruleId, match, value };
  }

  /** False when the tenant has no such exclusion. */
  async remove(tenantId: string, exclusionId: string): Promise<boolean> {
    const removed = await nativeQuery(
      this.orm.em.fork(),
      `delete from ${SCHEMA}.exclusions where tenant_id = ? and id = ? returning id`,
      [tenantId, exclusionId],
    );
    return removed.length > 0;
  }

  async list(tenantId: string): Promise<Exclusion[]> {
    const rows = await nativeQuery<{ id: string; rule_id: string | null; match: Exclusion['match']; value: string }>(
      this.orm.em.fork(),
      `select id, rule_id, match, value from ${SCHEMA}.exclusions where tenant_id = ? order by created_at, id`,
      [tenantId],
    );
    return rows.map((r) => ({ id: r.id, ruleId: r.rule_id, match: r.match, value: r.value }));
  }
}
