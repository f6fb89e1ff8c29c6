import { loadEnv, migrationEnv } from '@chasqui/config';
import { runMigrations } from '@chasqui/persistence';
import { ormSettings } from './database/orm-settings';

void (async () => {
  const env = loadEnv(migrationEnv());
  const applied = await runMigrations(ormSettings(env.DATABASE_URL));
  console.log(JSON.stringify({ level: 'info', service: 'scheduler', msg: 'migrations applied', applied }));
})().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
