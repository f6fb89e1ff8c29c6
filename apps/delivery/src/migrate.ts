import { runMigrations } from '@chasqui/persistence';
import { ormSettings } from './database/orm-settings';
import { loadDeliveryEnv } from './env';

void (async () => {
  const env = loadDeliveryEnv();
  const applied = await runMigrations(ormSettings(env.DATABASE_URL));
  console.log(JSON.stringify({ level: 'info', service: 'delivery', msg: 'migrations applied', applied }));
})().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
