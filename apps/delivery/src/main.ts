import { startGrpcService } from '@chasqui/grpc';
import { JsonLogger, startTracing } from '@chasqui/observability';
import { AppModule } from './app.module';
import { loadDeliveryEnv } from './env';

const env = loadDeliveryEnv();
const log = new JsonLogger('delivery', env.LOG_LEVEL);
// Tracing first: the spans' context must be in place before any work arrives.
startTracing('delivery', env, log)
  .then(() => startGrpcService('delivery', AppModule.register(env, log), env, log))
  .catch((error: unknown) => {
    log.error('delivery failed to start', { error: String(error) });
    process.exit(1);
  });
