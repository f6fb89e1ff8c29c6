import type { EntitySchema, MigrationObject } from '@mikro-orm/core';
import { PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';

export interface OrmSettings {
  clientUrl: string;
  /** The service's own schema: one database, one schema per service (ARCHITECTURE §2). */
  schema: string;
  entities: EntitySchema<any>[];
  migrations: MigrationObject[];
  poolMax?: number;
}

export function ormOptions(settings: OrmSettings): Options {
  return {
    driver: PostgreSqlDriver,
    clientUrl: settings.clientUrl,
    schema: settings.schema,
    entities: settings.entities,
    discovery: { warnWhenNoEntities: false },
    pool: { min: 0, max: settings.poolMax ?? 10 },
    // Each unit of work runs in its own forked context; a global one would leak
    // state between requests and messages.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    migrations: {
      tableName: `${settings.schema}.mikro_orm_migrations`,
      migrationsList: settings.migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
  };
}
