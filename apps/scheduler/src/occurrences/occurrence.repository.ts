import { enqueue, type OutgoingMessage } from '@chasqui/messaging';
import { nativeQuery } from '@chasqui/persistence';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SCHEMA } from '../database/orm-settings';
import type { Rule } from '../rules/rule.entity';
import { supersedes, type DeliveryOutcome, type OutcomeReport } from './delivery-outcome';
import type { StatusFilter } from './occurrence-fields';

export type OccurrenceStatus = 'queued' | 'skipped' | 'missed' | 'awaiting_approval' | 'cancelled';

/** What a cancellation found: done (now or before), or why it could not be. */
export type Cancellation =
  | { done: true }
  | { done: false; why: 'not_found' | 'left_the_scheduler' | 'being_published' }
  | { done: false; why: 'not_to_be_sent'; status: OccurrenceStatus };

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
  /** A cycle decided it, or a person asked for it (SendNow). */
  origin: 'cycle' | 'manual';
  /** decided_at as PostgreSQL writes it, to the microsecond. */
  cursor: string;
}

/** What SendNow decided: an occurrence of its own, claiming no step of the rule's. */
export interface ManualOccurrence {
  id: string;
  tenantId: string;
  ruleId: string;
  ruleKind: Rule['kind'];
  customerId: string;
  localDate: string;
  /** Decided, and for the reminder's instant. */
  at: Date;
  status: 'queued' | 'skipped';
  reason: string | null;
  invoiceIds: string[];
  /** The caller's key (one occurrence per key and tenant); null: none. */
  requestId: string | null;
}

export interface OccurrenceQuery {
  tenantId: string;
  customerId: string | null;
  ruleId: string | null;
  /** The occurrences that list this invoice. */
  invoiceId: string | null;
  status: StatusFilter | null;
  /** The decision's reason. */
  reason: string | null;
  /** Decided at or after. */
  decidedFrom: Date | null;
  /** Decided before. */
  decidedTo: Date | null;
  limit: number;
  after?: { decidedAt: string; id: string };
}

/** How long a cancellation waits for a relay publishing the occurrence's render job (a batch takes milliseconds). */
const OUTBOX_WAIT = '3s';
const LOCK_NOT_AVAILABLE = '55P03';

const COLUMNS = `id, rule_id, rule_kind, customer_id, local_date::text as local_date, fire_at, decided_at, status, reason,
  invoice_ids::text[] as invoice_ids, outcome, outcome_reason, outcome_at, origin, decided_at::text as cursor`;

/** The occurrence log, as read by tenants and as followed downstream. */
@Injectable()
export class OccurrenceRepository {
  constructor(private readonly orm: MikroORM) {}

  /** Newest decision first (keyset on decided_at, id), narrowed by the filters given. */
  list(query: OccurrenceQuery): Promise<OccurrenceRow[]> {
    const where: string[] = ['tenant_id = ?'];
    const params: unknown[] = [query.tenantId];
    const and = (clause: string, ...values: unknown[]) => {
      where.push(clause);
      params.push(...values);
    };
    if (query.customerId) and('customer_id = ?::uuid', query.customerId);
    if (query.ruleId) and('rule_id = ?::uuid', query.ruleId);
    if (query.invoiceId) and('invoice_ids @> array[?::uuid]', query.invoiceId);
    if (query.status) and(...statusClause(query.status));
    if (query.reason) and('reason = ?', query.reason);
    if (query.decidedFrom) and('decided_at >= ?::timestamptz', query.decidedFrom.toISOString());
    if (query.decidedTo) and('decided_at < ?::timestamptz', query.decidedTo.toISOString());
    if (query.after) and('(decided_at, id) < (?::timestamptz, ?::uuid)', query.after.decidedAt, query.after.id);
    return nativeQuery<OccurrenceRow>(
      this.orm.em.fork(),
      `select ${COLUMNS} from ${SCHEMA}.occurrences where ${where.join(' and ')}
        order by decided_at desc, id desc limit ?`,
      [...params, query.limit],
    );
  }

  /** One of the tenant's occurrences; undefined when the tenant has none by that id. */
  async get(tenantId: string, occurrenceId: string): Promise<OccurrenceRow | undefined> {
    const [row] = await nativeQuery<OccurrenceRow>(
      this.orm.em.fork(),
      `select ${COLUMNS} from ${SCHEMA}.occurrences where id = ? and tenant_id = ?`,
      [occurrenceId, tenantId],
    );
    return row;
  }

  /** The tenant's occurrence SendNow made for the caller's key, if any. */
  async byRequest(tenantId: string, requestId: string): Promise<OccurrenceRow | undefined> {
    const [row] = await nativeQuery<OccurrenceRow>(
      this.orm.em.fork(),
      `select ${COLUMNS} from ${SCHEMA}.occurrences where tenant_id = ? and request_id = ?`,
      [tenantId, requestId],
    );
    return row;
  }

  /**
   * Stores a manual occurrence and, when it is to be sent, its render job,
   * in one transaction. False when the caller's key was taken meanwhile (a
   * concurrent retry): nothing is stored.
   */
  recordManual(occurrence: ManualOccurrence, job?: OutgoingMessage): Promise<boolean> {
    return this.orm.em.fork().transactional(async (em) => {
      const inserted = await nativeQuery<{ id: string }>(
        em,
        `insert into ${SCHEMA}.occurrences
           (id, tenant_id, rule_id, rule_kind, customer_id, local_date, fire_at, decided_at, status, reason,
            invoice_ids, step, origin, request_id)
         values (?, ?, ?, ?, ?, ?::date, ?, ?, ?, ?, ?::uuid[], 0, 'manual', ?)
         on conflict (tenant_id, request_id) where request_id is not null do nothing
         returning id`,
        [
          occurrence.id,
          occurrence.tenantId,
          occurrence.ruleId,
          occurrence.ruleKind,
          occurrence.customerId,
          occurrence.localDate,
          occurrence.at,
          occurrence.at,
          occurrence.status,
          occurrence.reason,
          `{${occurrence.invoiceIds.join(',')}}`,
          occurrence.requestId,
        ],
      );
      if (inserted.length === 0) return false;
      if (job) await enqueue(em, SCHEMA, job);
      return true;
    });
  }

  /**
   * Withdraws the tenant's occurrence while nothing downstream can have it:
   * awaiting approval (ApproveRun skips what no longer awaits it), or queued
   * with its render job still in the outbox — deleted here. A relay
   * publishing that job holds its row: the deletion waits for the relay's
   * transaction, and finds the row gone (published and confirmed) or still
   * there (not routed, or the broker away); past OUTBOX_WAIT it answers
   * `being_published` and changes nothing. Under the occurrence's lock, so a
   * second cancellation or an approval waits for this one.
   */
  async cancel(tenantId: string, occurrenceId: string): Promise<Cancellation> {
    try {
      return await this.orm.em.fork().transactional((em) => this.cancelIn(em, tenantId, occurrenceId));
    } catch (error) {
      if ((error as { code?: unknown }).code === LOCK_NOT_AVAILABLE) return { done: false, why: 'being_published' };
      throw error;
    }
  }

  private async cancelIn(em: EntityManager, tenantId: string, occurrenceId: string): Promise<Cancellation> {
    const [current] = await nativeQuery<{ status: OccurrenceStatus }>(
      em,
      `select status from ${SCHEMA}.occurrences where id = ? and tenant_id = ? for update`,
      [occurrenceId, tenantId],
    );
    if (!current) return { done: false, why: 'not_found' };
    switch (current.status) {
      case 'cancelled':
        return { done: true };
      case 'skipped':
      case 'missed':
        return { done: false, why: 'not_to_be_sent', status: current.status };
      case 'queued': {
        await nativeQuery(em, `set local lock_timeout = '${OUTBOX_WAIT}'`, []);
        const withdrawn = await nativeQuery<{ id: string }>(
          em,
          `delete from ${SCHEMA}.outbox where id = ? returning id`,
          [occurrenceId],
        );
        if (withdrawn.length === 0) return { done: false, why: 'left_the_scheduler' };
        break;
      }
      case 'awaiting_approval':
        break;
    }
    await nativeQuery(em, `update ${SCHEMA}.occurrences set status = 'cancelled', reason = 'cancelled' where id = ?`, [
      occurrenceId,
    ]);
    return { done: true };
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

/** A dead-lettered occurrence is stored queued, with the job's death as its outcome. */
function statusClause(status: StatusFilter): [string, ...unknown[]] {
  switch (status) {
    case 'dead_lettered':
      return [`status = 'queued' and outcome = 'dead_lettered'`];
    case 'queued':
      return [`status = 'queued' and outcome is distinct from 'dead_lettered'`];
    case 'skipped':
    case 'missed':
    case 'awaiting_approval':
    case 'cancelled':
      return ['status = ?', status];
  }
}
