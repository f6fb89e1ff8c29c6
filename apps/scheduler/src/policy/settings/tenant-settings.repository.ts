import { nativeQuery } from '@chasqui/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SCHEMA } from '../../database/orm-settings';
import { DEFAULT_PAUSE_DAYS_AFTER_REPLY } from './default-settings';

/** What becomes of an issue notice past its grace period (an invoice or its documents entered late). */
export type LateIssueNotices = 'missed' | 'send_late';

/** A tenant's policy settings as it reads them: the defaults until it sets its own. */
export interface TenantSettings {
  approvalRequired: boolean;
  pauseDaysAfterReply: number;
  lateIssueNotices: LateIssueNotices;
  /** Whether customers announced from now on start enrolled. */
  newCustomersEnrolled: boolean;
  /** The run waiting for ApproveRun, if any. */
  openRunId: string | null;
}

/** The settings a tenant changes (the open run is not one of them). */
export type SettableSettings = Omit<TenantSettings, 'openRunId'>;

/** The tenant's policy settings (one row per tenant that set any). */
@Injectable()
export class TenantSettingsRepository {
  constructor(private readonly orm: MikroORM) {}

  /** Sets what is given (null: unchanged). */
  async update(
    tenantId: string,
    changes: { [K in keyof SettableSettings]: SettableSettings[K] | null },
  ): Promise<void> {
    const { approvalRequired, pauseDaysAfterReply, lateIssueNotices, newCustomersEnrolled } = changes;
    const values = [approvalRequired, pauseDaysAfterReply, lateIssueNotices, newCustomersEnrolled];
    await nativeQuery(
      this.orm.em.fork(),
      `insert into ${SCHEMA}.tenant_settings
         (tenant_id, approval_required, pause_days_after_reply, late_issue_notices, new_customers_enrolled)
       values (?, coalesce(?::boolean, false), coalesce(?::int, ${DEFAULT_PAUSE_DAYS_AFTER_REPLY}),
               coalesce(?::text, 'missed'), coalesce(?::boolean, true))
       on conflict (tenant_id) do update
         set approval_required = coalesce(?::boolean, tenant_settings.approval_required),
             pause_days_after_reply = coalesce(?::int, tenant_settings.pause_days_after_reply),
             late_issue_notices = coalesce(?::text, tenant_settings.late_issue_notices),
             new_customers_enrolled = coalesce(?::boolean, tenant_settings.new_customers_enrolled),
             updated_at = now()`,
      [tenantId, ...values, ...values],
    );
  }

  async read(tenantId: string): Promise<TenantSettings> {
    const [row] = await nativeQuery<{
      approval_required: boolean | null;
      pause_days_after_reply: number | null;
      late_issue_notices: LateIssueNotices | null;
      new_customers_enrolled: boolean | null;
      open_run_id: string | null;
    }>(
      this.orm.em.fork(),
      `select s.approval_required, s.pause_days_after_reply, s.late_issue_notices, s.new_customers_enrolled,
              (select r.id from ${SCHEMA}.runs r where r.tenant_id = ? and r.status = 'awaiting_approval') as open_run_id
         from (select 1) one left join ${SCHEMA}.tenant_settings s on s.tenant_id = ?`,
      [tenantId, tenantId],
    );
    return {
      approvalRequired: row.approval_required ?? false,
      pauseDaysAfterReply: row.pause_days_after_reply ?? DEFAULT_PAUSE_DAYS_AFTER_REPLY,
      lateIssueNotices: row.late_issue_notices ?? 'missed',
      newCustomersEnrolled: row.new_customers_enrolled ?? true,
      openRunId: row.open_run_id,
    };
  }
}
