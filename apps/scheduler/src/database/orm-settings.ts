import type { OrmSettings } from '@chasqui/persistence';
import { RuleEntity } from '../rules/rule.entity';
import { migrations } from './migrations';

export const SCHEMA = 'scheduler';

export function ormSettings(databaseUrl: string): OrmSettings {
  return { clientUrl: databaseUrl, schema: SCHEMA, entities: [RuleEntity], migrations };
}
