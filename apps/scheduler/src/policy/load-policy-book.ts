import type { EntityManager } from '@mikro-orm/postgresql';
import { SCHEMA } from '../database/orm-settings';
import { PolicyBook, type CustomerPolicy, type Exclusion } from './policy-book';

/** The tenant's policy: only customers with a setting of their own, and its exclusions. */
export async function loadPolicyBook(em: EntityManager, tenantId: string): Promise<PolicyBook> {
  const [policies, exclusions] = await Promise.all([
    em.execute<
      { customer_id: string; enrolled: boolean; paused_until: string | null; rule_switches: Record<string, boolean> }[]
    >(
      `select customer_id, enrolled, paused_until::text as paused_until, rule_switches
         from ${SCHEMA}.customer_policies
        where tenant_id = ? and (not enrolled or paused_until is not null or rule_switches <> '{}'::jsonb)`,
      [tenantId],
    ),
    em.execute<{ id: string; rule_id: string | null; match: Exclusion['match']; value: string }[]>(
      `select id, rule_id, match, value from ${SCHEMA}.exclusions where tenant_id = ?`,
      [tenantId],
    ),
  ]);
  return new PolicyBook(
    new Map(
      policies.map((p): [string, CustomerPolicy] => [
        p.customer_id,
        { enrolled: p.enrolled, pausedUntil: p.paused_until, ruleSwitches: p.rule_switches },
      ]),
    ),
    exclusions.map((e) => ({ id: e.id, ruleId: e.rule_id, match: e.match, value: e.value })),
  );
}
