import { z } from 'zod';

export class ConfigError extends Error {}

/**
 * Validates the environment once at boot. Every problem is reported at once,
 * each naming its variable, so a misconfigured pod fails fast and says why.
 */
export function loadEnv<T extends z.ZodRawShape>(
  shape: T,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<T>> {
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
}
