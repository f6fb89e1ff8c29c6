import { startGrpcService } from '@chasqui/grpc';
import { JsonLogger, startTracing } from '@chasqui/observability';
import { AppModule } from './app.module';
import { loadSchedulerEnv } from './env';

const env = loadSchedulerEnv();
const log = new JsonLogger('scheduler', env.LOG_LEVEL);
// Tracing first: the spans' context must be in place before any work arrives.
startTracing('scheduler', env, log)
  .then(() => startGrpcService('scheduler', AppModule.register(env, log), env, log))
  .catch((error: unknown) => {
    log.error('scheduler failed to start', { error: String(error) });
    process.exit(1);
  });
