import { parse } from 'yaml';
import { UsageError } from '../cli-errors';

export const SERVICES = ['receivables', 'scheduler', 'renderer', 'delivery'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** The services' own default gRPC ports (their env.ts), on this machine. */
export const DEFAULT_ADDRESSES: Record<ServiceName, string> = {
  receivables: '127.0.0.1:50051',
  scheduler: '127.0.0.1:50052',
  renderer: '127.0.0.1:50053',
  delivery: '127.0.0.1:50054',
};

export const DEFAULT_DEADLINE_MS = 10_000;

/** Where to reach the services and with what credentials; the secrets are never printed. */
export interface Settings {
  addresses: Record<ServiceName, string>;
  apiKey?: string;
  adminToken?: string;
  deadlineMs: number;
}

/** The global options as commander parsed them. */
export interface ConnectionOptions {
  receivables?: string;
  scheduler?: string;
  renderer?: string;
  delivery?: string;
  deadline?: string;
}

const FILE_KEYS = [...SERVICES, 'api_key', 'admin_token'] as const;
type FileSettings = Partial<Record<(typeof FILE_KEYS)[number], string>>;

/**
 * Each setting from the first of: the command line, the environment
 * (CHASQUI_RECEIVABLES_URL ..., CHASQUI_API_KEY, CHASQUI_ADMIN_TOKEN), the
 * config file, the default.
 */
export function resolveSettings(
  options: ConnectionOptions,
  env: Record<string, string | undefined>,
  file: { path: string; text: string } | undefined,
): Settings {
  const fromFile = file ? parseConfigFile(file.path, file.text) : {};
  const addresses = Object.fromEntries(
    SERVICES.map((name) => [
      name,
      options[name] || env[`CHASQUI_${name.toUpperCase()}_URL`] || fromFile[name] || DEFAULT_ADDRESSES[name],
    ]),
  ) as Record<ServiceName, string>;
  return {
    addresses,
    apiKey: env.CHASQUI_API_KEY || fromFile.api_key || undefined,
    adminToken: env.CHASQUI_ADMIN_TOKEN || fromFile.admin_token || undefined,
    deadlineMs: parseDeadline(options.deadline),
  };
}

/** The config file: a YAML mapping of the keys above to strings; anything else is named as an error. */
export function parseConfigFile(path: string, text: string): FileSettings {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new UsageError(`${path}: not valid YAML: ${(error as Error).message}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new UsageError(`${path}: must be a mapping of settings`);
  const settings: FileSettings = {};
  for (const [key, value] of Object.entries(data)) {
    if (!(FILE_KEYS as readonly string[]).includes(key)) {
      throw new UsageError(`${path}: ${key}: unknown setting (known: ${FILE_KEYS.join(', ')})`);
    }
    if (typeof value !== 'string' || value === '') throw new UsageError(`${path}: ${key}: must be a non-empty string`);
    settings[key as keyof FileSettings] = value;
  }
  return settings;
}

function parseDeadline(text: string | undefined): number {
  if (text === undefined) return DEFAULT_DEADLINE_MS;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < 1) throw new UsageError(`--deadline: must be a whole number of milliseconds`);
  return ms;
}
