import type { delivery } from '@chasqui/contracts';
import type { SenderSettings } from './sender-settings.entity';

/** The settings on the wire: the DKIM key never leaves, only whether one is stored. */
export function toSenderSettingsProto(
  settings: SenderSettings | null,
  fallback: { name: string; address: string },
): delivery.SenderSettings {
  if (!settings) {
    return {
      fromName: fallback.name,
      fromAddress: fallback.address,
      replyTo: '',
      dkim: undefined,
      maxPerMinute: 0,
      dkimKeyStored: false,
      isDefault: true,
    };
  }
  return {
    fromName: settings.fromName,
    fromAddress: settings.fromAddress,
    replyTo: settings.replyTo.join(', '),
    dkim:
      settings.dkimDomain && settings.dkimSelector
        ? { domain: settings.dkimDomain, selector: settings.dkimSelector, privateKeyPem: '' }
        : undefined,
    maxPerMinute: settings.maxPerMinute,
    dkimKeyStored: !!settings.dkimKeySealed,
    isDefault: false,
  };
}
