import { Migrator } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions, type OrmSettings } from './orm-options';

export function openOrm(settings: OrmSettings): Promise<MikroORM> {
  return MikroORM.init(ormOptions(settings));
}

/**
 * Applies pending migrations. A separate step, never part of a service's boot:
 * several replicas starting together would race (STYLE.md, Data).
 */
export async function runMigrations(settings: OrmSettings): Promise<string[]> {
  const orm = await MikroORM.init({ ...ormOptions(settings), extensions: [Migrator] });
  try {
    await orm.em.getConnection().execute(`create schema if not exists "${settings.schema}"`);
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close();
  }
}
