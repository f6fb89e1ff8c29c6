import { nativeQuery } from '@chasqui/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SCHEMA } from '../../database/orm-settings';
import { DEFAULT_PAUSE_DAYS_AFTER_REPLY } from './default-settings';

/** A tenant's policy settings as it reads them: the defaults until it sets its own. */
export interface TenantSettings {
  approvalRequired: boolean;
  pauseDaysAfterReply: number;
  /** The run waiting for ApproveRun, if any. */
  openRunId: string | null;
}

/** The tenant's policy settings (one row per tenant that set any). */
@Injectable()
export class TenantSettingsRepository {
  constructor(private readonly orm: MikroORM) {}

  /** Sets what is given (null: unchanged). */
  async update(
    tenantId: string,
    changes: { approvalRequired: boolean | null; pauseDaysAfterReply: number | null },
  ): Promise<void> {
    const { approvalRequired, pauseDaysAfterReply } = changes;
    await nativeQuery(
      this.orm.em.fork(),
      `insert into ${SCHEMA}.tenant_settings (tenant_id, approval_required, pause_days_after_reply)
       values (?, coalesce(?::boolean, false), coalesce(?::int, ${DEFAULT_PAUSE_DAYS_AFTER_REPLY}))
       on conflict (tenant_id) do update
         set approval_required = coalesce(?::boolean, tenant_settings.approval_required),
             pause_days_after_reply = coalesce(?::int, tenant_settings.pause_days_after_reply),
             updated_at = now()`,
      [tenantId, approvalRequired, pauseDaysAfterReply, approvalRequired, pauseDaysAfterReply],
    );
  }

  async read(tenantId: string): Promise<TenantSettings> {
    const [row] = await nativeQuery<{
      approval_required: boolean | null;
      pause_days_after_reply: number | null;
      open_run_id: string | null;
    }>(
      this.orm.em.fork(),
      `select s.approval_required, s.pause_days_after_reply,
              (select r.id from ${SCHEMA}.runs r where r.tenant_id = ? and r.status = 'awaiting_approval') as open_run_id
         from (select 1) one left join ${SCHEMA}.tenant_settings s on s.tenant_id = ?`,
      [tenantId, tenantId],
    );
    return {
      approvalRequired: row.approval_required ?? false,
      pauseDaysAfterReply: row.pause_days_after_reply ?? DEFAULT_PAUSE_DAYS_AFTER_REPLY,
      openRunId: row.open_run_id,
    };
  }
}
