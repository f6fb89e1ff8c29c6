import type { OrmSettings } from '@chasqui/persistence';
import { MessageEntity } from '../messages/message.entity';
import { migrations } from './migrations';

export const SCHEMA = 'delivery';

export function ormSettings(databaseUrl: string): OrmSettings {
  return { clientUrl: databaseUrl, schema: SCHEMA, entities: [MessageEntity], migrations };
}
