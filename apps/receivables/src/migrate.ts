import { runMigrations } from '@chasqui/persistence';
import { ormSettings } from './database/orm-settings';
import { loadReceivablesEnv } from './env';

void (async () => {
  const env = loadReceivablesEnv();
  const applied = await runMigrations(ormSettings(env.DATABASE_URL));
  console.log(JSON.stringify({ level: 'info', service: 'receivables', msg: 'migrations applied', applied }));
})().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
