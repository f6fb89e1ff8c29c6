import { z } from 'zod';
import { devSecretProblems } from './dev-secrets';

export class ConfigError extends Error {}

/**
 * Validates the environment once at boot. Every problem is reported at once,
 * each naming its variable, so a misconfigured pod fails fast and says why —
 * including a development credential where secrets are required.
 */
export function loadEnv<T extends z.ZodRawShape>(
  shape: T,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<T>> {
  const result = z
    .object(shape)
    .superRefine((data, ctx) => {
      for (const { variable, message } of devSecretProblems(data)) {
        ctx.addIssue({ code: 'custom', path: [variable], message });
      }
    })
    .safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
}
