import { nativeQuery } from '@chasqui/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SCHEMA } from '../database/orm-settings';
import type { Rule } from '../rules/rule.entity';
import { supersedes, type DeliveryOutcome, type OutcomeReport } from './delivery-outcome';

export type OccurrenceStatus = 'queued' | 'skipped' | 'missed' | 'awaiting_approval';

/** An occurrence as the tenant reads it. */
export interface OccurrenceRow {
  id: string;
  rule_id: string;
  rule_kind: Rule['kind'];
  customer_id: string;
  local_date: string;
  fire_at: Date;
  decided_at: Date;
  status: OccurrenceStatus;
  reason: string | null;
  invoice_ids: string[];
  outcome: DeliveryOutcome | null;
  outcome_reason: string | null;
  outcome_at: Date | null;
  /** decided_at as PostgreSQL writes it, to the microsecond. */
  cursor: string;
}

export interface OccurrenceQuery {
  tenantId: string;
  customerId: string;
  ruleId: string;
  limit: number;
  after?: { decidedAt: string; id: string };
}

/** The occurrence log, as read by tenants and as followed downstream. */
@Injectable()
export class OccurrenceRepository {
  constructor(private readonly orm: MikroORM) {}

  /** Newest decision first (keyset on decided_at, id). */
  list(query: OccurrenceQuery): Promise<OccurrenceRow[]> {
    const { tenantId, customerId, ruleId, limit, after } = query;
    return nativeQuery<OccurrenceRow>(
      this.orm.em.fork(),
      `select id, rule_id, rule_kind, customer_id, local_date::text as local_date, fire_at, decided_at, status, reason,
              invoice_ids::text[] as invoice_ids, outcome, outcome_reason, outcome_at, decided_at::text as cursor
         from ${SCHEMA}.occurrences
        where tenant_id = ?
          and (? = '' or customer_id = ?::uuid) and (? = '' or rule_id = ?::uuid)
          and (?::timestamptz is null or (decided_at, id) < (?::timestamptz, ?::uuid))
        order by decided_at desc, id desc
        limit ?`,
      [
        tenantId,
        customerId,
        customerId || null,
        ruleId,
        ruleId || null,
        after?.decidedAt ?? null,
        after?.decidedAt ?? null,
        after?.id ?? null,
        limit,
      ],
    );
  }

  /**
   * Applies a downstream report to the tenant's occurrence, under its lock,
   * if it moves the outcome forward (supersedes). False when there is no
   * such occurrence of the tenant's.
   */
  recordOutcome(tenantId: string, occurrenceId: string, report: OutcomeReport): Promise<boolean> {
    return this.orm.em.fork().transactional(async (em) => {
      const [current] = await nativeQuery<{ outcome: DeliveryOutcome | null; outcome_at: Date | null }>(
        em,
        `select outcome, outcome_at from ${SCHEMA}.occurrences where id = ? and tenant_id = ? for update`,
        [occurrenceId, tenantId],
      );
      if (!current) return false;
      const at = current.outcome_at === null ? null : new Date(current.outcome_at);
      if (supersedes(report, { outcome: current.outcome, at })) {
        await nativeQuery(
          em,
          `update ${SCHEMA}.occurrences set outcome = ?, outcome_reason = ?, outcome_at = ? where id = ?`,
          [report.outcome, report.reason, report.at, occurrenceId],
        );
      }
      return true;
    });
  }
}
