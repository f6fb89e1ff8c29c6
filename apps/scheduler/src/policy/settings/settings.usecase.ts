import { Injectable } from '@nestjs/common';
import { TenantSettingsRepository, type SettableSettings, type TenantSettings } from './tenant-settings.repository';

export type UpdateSettingsCommand = { tenantId: string } & {
  [K in keyof SettableSettings]?: SettableSettings[K] | null;
};

/** Changes what the tenant set (the rest stays) and answers the settings as they now stand. */
@Injectable()
export class UpdateSettingsUseCase {
  constructor(private readonly settings: TenantSettingsRepository) {}

  async execute(command: UpdateSettingsCommand): Promise<TenantSettings> {
    await this.settings.update(command.tenantId, {
      approvalRequired: command.approvalRequired ?? null,
      pauseDaysAfterReply: command.pauseDaysAfterReply ?? null,
      lateIssueNotices: command.lateIssueNotices ?? null,
      newCustomersEnrolled: command.newCustomersEnrolled ?? null,
    });
    return this.settings.read(command.tenantId);
  }
}

/** The tenant's settings; the defaults for a tenant that never set them. */
@Injectable()
export class GetSettingsUseCase {
  constructor(private readonly settings: TenantSettingsRepository) {}

  execute(tenantId: string): Promise<TenantSettings> {
    return this.settings.read(tenantId);
  }
}
