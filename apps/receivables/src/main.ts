import { startGrpcService } from '@chasqui/grpc';
import { JsonLogger, startTracing } from '@chasqui/observability';
import { AppModule } from './app.module';
import { loadReceivablesEnv } from './env';

const env = loadReceivablesEnv();
const log = new JsonLogger('receivables', env.LOG_LEVEL);
// Tracing first: the spans' context must be in place before any work arrives.
startTracing('receivables', env, log)
  .then(() => startGrpcService('receivables', AppModule.register(env, log), env, log))
  .catch((error: unknown) => {
    log.error('receivables failed to start', { error: String(error) });
    process.exit(1);
  });
