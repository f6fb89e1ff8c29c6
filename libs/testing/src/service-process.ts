import { SERVICE_NODE_OPTIONS } from '@chasqui/config';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from './wait-for';

const ROOT = join(__dirname, '..', '..', '..');

/** One Chasqui service as its own OS process, run from its compiled dist/. */
export class ServiceProcess {
  private child?: ChildProcess;
  private exit?: Promise<string>;
  readonly output: string[] = [];

  constructor(
    readonly name: string,
    private readonly env: Record<string, string>,
  ) {}

  get httpPort(): string {
    return this.env.HTTP_PORT;
  }

  /** The process id while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    // SERVICE_NODE_ARGS: Node flags for the services a test or bench starts, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
    const nodeArgs = process.env.SERVICE_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    // The service's own Node flags, as its image runs it.
    const own = SERVICE_NODE_OPTIONS[this.name];
    const nodeOptions = own ? { NODE_OPTIONS: [process.env.NODE_OPTIONS, own].filter(Boolean).join(' ') } : {};
    this.child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'apps', this.name, 'dist', 'main.js')], {
      env: { ...process.env, ...nodeOptions, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const child = this.child;
    this.exit = new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve(signal ? `killed by ${signal}` : `exit code ${code}`)),
    );
    const keep = (chunk: Buffer) => {
      if (process.env.E2E_LOGS) process.stderr.write(`[${this.name}] ${chunk.toString()}`);
      this.output.push(chunk.toString());
      if (this.output.length > 500) this.output.shift();
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    await waitFor(() => this.ready(), `${this.name} to be ready`, 60_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${this.output.join('')}`);
    });
  }

  /** Resolves, saying how, once the process started last has exited (never, while it runs). */
  exited(): Promise<string> {
    return this.exit ?? new Promise(() => undefined);
  }

  /** SIGKILL: no shutdown hook runs, nothing is drained. */
  kill(): Promise<void> {
    return this.stop('SIGKILL');
  }

  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  private async ready(): Promise<boolean> {
    if (this.child?.exitCode !== null && this.child?.exitCode !== undefined) {
      throw new Error(`${this.name} exited with ${this.child.exitCode}\n${this.output.join('')}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${this.env.HTTP_PORT}/readyz`);
      return response.ok;
    } catch {
      return false;
    }
  }
}

export async function runMigration(name: string, env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, 'apps', name, 'dist', 'migrate.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`migration of ${name} failed (${code}):\n${output}`);
}
