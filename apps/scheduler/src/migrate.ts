import { runMigrations } from '@chasqui/persistence';
import { ormSettings } from './database/orm-settings';
import { loadSchedulerEnv } from './env';

void (async () => {
  const env = loadSchedulerEnv();
  const applied = await runMigrations(ormSettings(env.DATABASE_URL));
  console.log(JSON.stringify({ level: 'info', service: 'scheduler', msg: 'migrations applied', applied }));
})().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
