import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { MikroORM } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { SCHEMA } from '../../database/orm-settings';
import { DEFAULT_PAUSE_DAYS_AFTER_REPLY } from './default-settings';

const updateSettingsCommand = z.object({
  tenantId: z.string(),
  approvalRequired: z.boolean().nullish(),
  pauseDaysAfterReply: z.number().int().min(0, 'must be 0 or more').max(365, 'must be at most 365').nullish(),
});

/** The tenant's policy settings; a tenant that never set them has the defaults. */
@Controller()
export class SettingsController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly orm: MikroORM,
  ) {}

  @GrpcMethod('SchedulerService', 'UpdateSettings')
  async update(
    request: scheduler.UpdateSettingsRequest,
    metadata: Metadata,
  ): Promise<scheduler.UpdateSettingsResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(updateSettingsCommand, { ...request, tenantId }, 'SETTINGS.INVALID');
    await this.orm.em.fork().execute(
      `insert into ${SCHEMA}.tenant_settings (tenant_id, approval_required, pause_days_after_reply)
       values (?, coalesce(?::boolean, false), coalesce(?::int, ${DEFAULT_PAUSE_DAYS_AFTER_REPLY}))
       on conflict (tenant_id) do update
         set approval_required = coalesce(?::boolean, tenant_settings.approval_required),
             pause_days_after_reply = coalesce(?::int, tenant_settings.pause_days_after_reply),
             updated_at = now()`,
      [
        tenantId,
        command.approvalRequired ?? null,
        command.pauseDaysAfterReply ?? null,
        command.approvalRequired ?? null,
        command.pauseDaysAfterReply ?? null,
      ],
    );
    return { settings: await this.read(tenantId) };
  }

  @GrpcMethod('SchedulerService', 'GetSettings')
  async get(_request: scheduler.GetSettingsRequest, metadata: Metadata): Promise<scheduler.GetSettingsResponse> {
    return { settings: await this.read(await this.auth.tenantOf(metadata)) };
  }

  private async read(tenantId: string): Promise<scheduler.Settings> {
    const [row] = await this.orm.em
      .fork()
      .execute<
        { approval_required: boolean | null; pause_days_after_reply: number | null; open_run_id: string | null }[]
      >(
        `select s.approval_required, s.pause_days_after_reply,
              (select r.id from ${SCHEMA}.runs r where r.tenant_id = ? and r.status = 'awaiting_approval') as open_run_id
         from (select 1) one left join ${SCHEMA}.tenant_settings s on s.tenant_id = ?`,
        [tenantId, tenantId],
      );
    return {
      approvalRequired: row.approval_required ?? false,
      pauseDaysAfterReply: row.pause_days_after_reply ?? DEFAULT_PAUSE_DAYS_AFTER_REPLY,
      openRunId: row.open_run_id ?? '',
    };
  }
}
