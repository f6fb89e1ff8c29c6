import 'reflect-metadata';
import { JsonLogger, OpsServer } from '@chasqui/observability';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { loadRendererEnv } from './env';

/** The renderer has no gRPC edge: it works from its queue. */
async function bootstrap(): Promise<void> {
  const env = loadRendererEnv();
  const log = new JsonLogger('renderer', env.LOG_LEVEL);
  const app = await NestFactory.createApplicationContext(AppModule.register(env, log), { logger: log });
  app.enableShutdownHooks();
  await app.init();
  app.get(OpsServer).serve();
  log.info('renderer consuming', { httpPort: env.HTTP_PORT });
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
