import { FailedPrecondition } from '@chasqui/errors';
import { Injectable } from '@nestjs/common';
import { SecretBox } from '../secret-box';
import type { SenderSettings } from '../sender-settings.entity';
import { SenderSettingsRepository } from '../sender-settings.repository';
import type { UpdateSenderSettingsCommand } from './update-sender-settings.command';

/** Sets who the tenant sends as; the DKIM key is sealed before it is stored. */
@Injectable()
export class UpdateSenderSettingsUseCase {
  constructor(
    private readonly senders: SenderSettingsRepository,
    private readonly keys: SecretBox,
  ) {}

  async execute({ tenantId, settings, keepDkimKey }: UpdateSenderSettingsCommand): Promise<SenderSettings> {
    const { dkim } = settings;
    let sealed: Buffer | null = null;
    if (dkim && dkim.privateKeyPem) sealed = this.keys.seal(dkim.privateKeyPem);
    else if (dkim && keepDkimKey) {
      sealed = (await this.senders.find(tenantId))?.dkimKeySealed ?? null;
      if (!sealed) {
        throw new FailedPrecondition('SENDER.NO_DKIM_KEY', 'keep_dkim_key: no DKIM key is stored to keep; send one');
      }
    }
    return this.senders.save({
      tenantId,
      fromName: settings.fromName,
      fromAddress: settings.fromAddress,
      replyTo: settings.replyTo,
      dkimDomain: dkim?.domain.toLowerCase() ?? null,
      dkimSelector: dkim?.selector ?? null,
      dkimKeySealed: sealed,
      maxPerMinute: settings.maxPerMinute,
      updatedAt: new Date(),
    });
  }
}
