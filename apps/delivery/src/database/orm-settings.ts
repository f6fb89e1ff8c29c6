import type { OrmSettings } from '@chasqui/persistence';
import { InboundEmailEntity } from '../inbound/inbound-email.entity';
import { MessageEntity } from '../messages/message.entity';
import { SenderSettingsEntity } from '../senders/sender-settings.entity';
import { SuppressionEntity } from '../suppressions/suppression.entity';
import { MessageEventEntity } from '../timeline/message-event.entity';
import { migrations } from './migrations';

export const SCHEMA = 'delivery';

export function ormSettings(databaseUrl: string): OrmSettings {
  return {
    clientUrl: databaseUrl,
    schema: SCHEMA,
    entities: [MessageEntity, MessageEventEntity, InboundEmailEntity, SuppressionEntity, SenderSettingsEntity],
    migrations,
  };
}
