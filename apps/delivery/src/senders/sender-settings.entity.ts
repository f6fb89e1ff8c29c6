import { EntitySchema } from '@mikro-orm/core';

/** Who a tenant's reminders come from and where people's answers are passed on. */
export interface SenderSettings {
  tenantId: string;
  fromName: string;
  fromAddress: string;
  replyTo: string[];
  dkimDomain: string | null;
  dkimSelector: string | null;
  /** The DKIM private key, sealed (SecretBox); never leaves the service. */
  dkimKeySealed: Buffer | null;
  /** 0: no limit of the tenant's own. */
  maxPerMinute: number;
  updatedAt: Date;
}

export const SenderSettingsEntity = new EntitySchema<SenderSettings>({
  name: 'SenderSettings',
  tableName: 'sender_settings',
  properties: {
    tenantId: { type: 'uuid', primary: true },
    fromName: { type: 'string' },
    fromAddress: { type: 'string' },
    replyTo: { type: 'string[]', columnType: 'text[]' },
    dkimDomain: { type: 'string', nullable: true },
    dkimSelector: { type: 'string', nullable: true },
    dkimKeySealed: { type: 'blob', nullable: true },
    maxPerMinute: { type: 'integer' },
    updatedAt: { type: 'datetime' },
  },
});
