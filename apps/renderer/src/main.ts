import { startGrpcService } from '@chasqui/grpc';
import { JsonLogger, startTracing } from '@chasqui/observability';
import { AppModule } from './app.module';
import { loadRendererEnv } from './env';

/** The renderer works from its queue; its gRPC port serves each company's voice (renderer.v1) and its dead letters. */
const env = loadRendererEnv();
const log = new JsonLogger('renderer', env.LOG_LEVEL);
// Tracing first: the spans' context must be in place before any work arrives.
startTracing('renderer', env, log)
  .then(() => startGrpcService('renderer', AppModule.register(env, log), env, log))
  .catch((error: unknown) => {
    log.error('renderer failed to start', { error: String(error) });
    process.exit(1);
  });
