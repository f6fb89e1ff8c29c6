import { startGrpcService } from '@chasqui/grpc';
import { JsonLogger } from '@chasqui/observability';
import { AppModule } from './app.module';
import { loadReceivablesEnv } from './env';

const env = loadReceivablesEnv();
const log = new JsonLogger('receivables', env.LOG_LEVEL);
startGrpcService('receivables', AppModule.register(env, log), env, log).catch((error: unknown) => {
  log.error('receivables failed to start', { error: String(error) });
  process.exit(1);
});
