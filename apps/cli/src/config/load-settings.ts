import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../cli-errors';
import { resolveSettings, type ConnectionOptions, type Settings } from './settings';

/**
 * The settings of this invocation: the one place that reads the environment
 * and the config file (--config, else $CHASQUI_CONFIG, else
 * ~/.config/chasqui/config.yaml when it exists).
 */
export function loadSettings(options: ConnectionOptions & { config?: string }): Settings {
  const env = process.env;
  const named = options.config ?? env.CHASQUI_CONFIG;
  const fallback = join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'chasqui', 'config.yaml');
  const path = named ?? (existsSync(fallback) ? fallback : undefined);
  let file: { path: string; text: string } | undefined;
  if (path) {
    try {
      file = { path, text: readFileSync(path, 'utf8') };
    } catch (error) {
      throw new UsageError(`${path}: cannot read the config file: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
  }
  return resolveSettings(options, env, file);
}
