import type { OrmSettings } from '@chasqui/persistence';
import { migrations } from './migrations';

export const SCHEMA = 'renderer';

export function ormSettings(databaseUrl: string): OrmSettings {
  return { clientUrl: databaseUrl, schema: SCHEMA, entities: [], migrations };
}
