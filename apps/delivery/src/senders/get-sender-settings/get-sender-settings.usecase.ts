import { Injectable } from '@nestjs/common';
import type { SenderSettings } from '../sender-settings.entity';
import { SenderSettingsRepository } from '../sender-settings.repository';

/** The tenant's sender settings; null while it sends as the deployment's default sender. */
@Injectable()
export class GetSenderSettingsUseCase {
  constructor(private readonly senders: SenderSettingsRepository) {}

  execute({ tenantId }: { tenantId: string }): Promise<SenderSettings | null> {
    return this.senders.find(tenantId);
  }
}
