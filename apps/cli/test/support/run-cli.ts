import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built CLI (`npx tsc -p apps/cli/tsconfig.build.json` first). */
const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `chasqui` as an operator would, as a process, with `env` only (and a
 * home of its own, so no config file of the machine's is read).
 */
export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const home = mkdtempSync(join(tmpdir(), 'chasqui-cli-'));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [MAIN, ...args],
      { env: { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: join(home, '.config'), ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
