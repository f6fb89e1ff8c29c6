import { scheduler } from '@chasqui/contracts';
import { Tenant, TenantCommand, TenantGuard } from '@chasqui/grpc';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { GetSettingsUseCase, UpdateSettingsUseCase, type UpdateSettingsCommand } from './settings.usecase';
import type { TenantSettings } from './tenant-settings.repository';
import { updateSettingsCommand } from './update-settings.command';

/** The tenant's policy settings; a tenant that never set them has the defaults. */
@Controller()
@UseGuards(TenantGuard)
export class SettingsController {
  constructor(
    private readonly updateSettings: UpdateSettingsUseCase,
    private readonly getSettings: GetSettingsUseCase,
  ) {}

  @GrpcMethod('SchedulerService', 'UpdateSettings')
  async update(
    @TenantCommand(updateSettingsCommand, 'SETTINGS.INVALID') command: UpdateSettingsCommand,
  ): Promise<scheduler.UpdateSettingsResponse> {
    return { settings: toSettingsProto(await this.updateSettings.execute(command)) };
  }

  @GrpcMethod('SchedulerService', 'GetSettings')
  async get(@Tenant() tenantId: string): Promise<scheduler.GetSettingsResponse> {
    return { settings: toSettingsProto(await this.getSettings.execute(tenantId)) };
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
