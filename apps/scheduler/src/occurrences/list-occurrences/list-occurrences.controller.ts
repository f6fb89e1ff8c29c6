import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { MikroORM } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { SCHEMA } from '../../database/orm-settings';
import { toRuleKindProto } from '../../grpc/to-proto';
import type { Rule } from '../../rules/rule.entity';
import { listOccurrencesCommand, nextPageToken } from './list-occurrences.command';

const statuses = {
  queued: scheduler.OccurrenceStatus.OCCURRENCE_STATUS_QUEUED,
  skipped: scheduler.OccurrenceStatus.OCCURRENCE_STATUS_SKIPPED,
  missed: scheduler.OccurrenceStatus.OCCURRENCE_STATUS_MISSED,
  awaiting_approval: scheduler.OccurrenceStatus.OCCURRENCE_STATUS_AWAITING_APPROVAL,
};

interface Row {
  id: string;
  rule_id: string;
  rule_kind: Rule['kind'];
  customer_id: string;
  local_date: string;
  fire_at: Date;
  decided_at: Date;
  status: keyof typeof statuses;
  reason: string | null;
  invoice_ids: string[];
  /** decided_at as PostgreSQL writes it, to the microsecond. */
  cursor: string;
}

const timestamp = (date: Date) => ({
  seconds: String(Math.floor(date.getTime() / 1000)),
  nanos: (date.getTime() % 1000) * 1e6,
});

@Controller()
export class ListOccurrencesController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly orm: MikroORM,
  ) {}

  /** The tenant's occurrences, newest decision first, a page at a time (keyset on decided_at, id). */
  @GrpcMethod('SchedulerService', 'ListOccurrences')
  async handle(
    request: scheduler.ListOccurrencesRequest,
    metadata: Metadata,
  ): Promise<scheduler.ListOccurrencesResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(listOccurrencesCommand, { ...request, tenantId }, 'OCCURRENCES.INVALID');
    const after = command.pageToken;
    const rows = await this.orm.em.fork().execute<Row[]>(
      `select id, rule_id, rule_kind, customer_id, local_date::text as local_date, fire_at, decided_at, status, reason,
              invoice_ids::text[] as invoice_ids, decided_at::text as cursor
         from ${SCHEMA}.occurrences
        where tenant_id = ?
          and (? = '' or customer_id = ?::uuid) and (? = '' or rule_id = ?::uuid)
          and (?::timestamptz is null or (decided_at, id) < (?::timestamptz, ?::uuid))
        order by decided_at desc, id desc
        limit ?`,
      [
        tenantId,
        command.customerId,
        command.customerId || null,
        command.ruleId,
        command.ruleId || null,
        after?.decidedAt ?? null,
        after?.decidedAt ?? null,
        after?.id ?? null,
        command.pageSize + 1,
      ],
    );
    const page = rows.slice(0, command.pageSize);
    return {
      occurrences: page.map((row) => ({
        id: row.id,
        ruleId: row.rule_id,
        ruleKind: toRuleKindProto(row.rule_kind),
        customerId: row.customer_id,
        localDate: row.local_date,
        fireAt: timestamp(new Date(row.fire_at)),
        decidedAt: timestamp(new Date(row.decided_at)),
        status: statuses[row.status],
        reason: row.reason ?? '',
        invoiceIds: row.invoice_ids,
      })),
      nextPageToken: rows.length > command.pageSize ? nextPageToken(page[page.length - 1]) : '',
    };
  }
}
