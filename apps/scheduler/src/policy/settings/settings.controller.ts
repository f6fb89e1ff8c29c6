import type { Metadata } from '@grpc/grpc-js';
import { scheduler } from '@chasqui/contracts';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { z } from 'zod';
import { GetSettingsUseCase, UpdateSettingsUseCase } from './settings.usecase';
import type { TenantSettings } from './tenant-settings.repository';

const updateSettingsCommand = z.object({
  tenantId: z.string(),
  approvalRequired: z.boolean().nullish(),
  pauseDaysAfterReply: z.number().int().min(0, 'must be 0 or more').max(365, 'must be at most 365').nullish(),
  lateIssueNotices: z
    .enum(['LATE_ISSUE_NOTICES_UNSPECIFIED', 'LATE_ISSUE_NOTICES_MISSED', 'LATE_ISSUE_NOTICES_SEND_LATE'])
    .refine((value) => value !== 'LATE_ISSUE_NOTICES_UNSPECIFIED', 'must be LATE_ISSUE_NOTICES_MISSED or _SEND_LATE')
    .transform((value) => (value === 'LATE_ISSUE_NOTICES_SEND_LATE' ? 'send_late' : 'missed'))
    .nullish(),
  newCustomersEnrolled: z.boolean().nullish(),
});

/** The tenant's policy settings; a tenant that never set them has the defaults. */
@Controller()
export class SettingsController {
  constructor(
    private readonly auth: TenantAuth,
    private readonly updateSettings: UpdateSettingsUseCase,
    private readonly getSettings: GetSettingsUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'UpdateSettings')
  async update(
    request: scheduler.UpdateSettingsRequest,
    metadata: Metadata,
  ): Promise<scheduler.UpdateSettingsResponse> {
    const tenantId = await this.auth.tenantOf(metadata);
    const command = parseRequest(updateSettingsCommand, { ...request, tenantId }, 'SETTINGS.INVALID');
    return { settings: toSettingsProto(await this.updateSettings.execute(command)) };
  }

  @GrpcMethod('SchedulerService', 'GetSettings')
  async get(_request: scheduler.GetSettingsRequest, metadata: Metadata): Promise<scheduler.GetSettingsResponse> {
    return { settings: toSettingsProto(await this.getSettings.execute(await this.auth.tenantOf(metadata))) };
  }
}

function toSettingsProto(settings: TenantSettings): scheduler.Settings {
  return {
    ...settings,
    openRunId: settings.openRunId ?? '',
    lateIssueNotices:
      settings.lateIssueNotices === 'send_late'
        ? scheduler.LateIssueNotices.LATE_ISSUE_NOTICES_SEND_LATE
        : scheduler.LateIssueNotices.LATE_ISSUE_NOTICES_MISSED,
  };
}
