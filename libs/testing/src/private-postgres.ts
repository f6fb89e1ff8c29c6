import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chown, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);

type StopMode = 'fast' | 'immediate';

/**
 * A PostgreSQL cluster of its own, on a spare port, for tests that stop and
 * restart the database: the machine's shared server (5432) is never touched.
 * Runs as the `postgres` OS user when the tests run as root (PostgreSQL
 * refuses root). A watchdog stops it and removes its files if this process
 * dies without calling destroy().
 */
export class PrivatePostgres {
  private destroyed = false;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly bin: string,
    private readonly user: OsUser,
    private readonly watchdog: ChildProcess,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const [bin, user, port] = await Promise.all([postgresBin(), postgresUser(), freePort()]);
    const dir = await mkdtemp(join(tmpdir(), 'chasqui-pg-'));
    if (user.uid !== undefined) await chown(dir, user.uid, user.gid!);
    const watchdog = startWatchdog(dir);
    const server = new PrivatePostgres(port, dir, bin, user, watchdog);
    try {
      await server.pg('initdb', ['-D', server.data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
      await server.startServer();
    } catch (error) {
      await server.destroy();
      throw error;
    }
    return server;
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Stops the server (`fast`: sessions are ended cleanly; `immediate`: as if it crashed) and starts it again. */
  async restart(mode: StopMode): Promise<void> {
    await this.stopServer(mode);
    await this.startServer();
  }

  /** Resolves once the server accepts connections. */
  async startServer(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      `-k ${this.dir}`,
      '-c listen_addresses=127.0.0.1',
      // The OS keeps written pages across an immediate shutdown, so this changes speed, not what survives.
      '-c fsync=off',
      '-c synchronous_commit=on',
    ].join(' ');
    const log = join(this.dir, 'server.log');
    try {
      await this.pg('pg_ctl', ['start', '-D', this.data, '-l', log, '-w', '-t', '120', '-o', options]);
    } catch (error) {
      const tail = (await readFile(log, 'utf8').catch(() => '')).split('\n').slice(-40).join('\n');
      throw new Error(`${(error as Error).message}\n--- ${log}\n${tail}`);
    }
  }

  /** Resolves once the server is down. */
  async stopServer(mode: StopMode): Promise<void> {
    await this.pg('pg_ctl', ['stop', '-D', this.data, '-m', mode, '-w', '-t', '120']);
  }

  /** Stops the server at once and removes its files; harmless to call again. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    await this.pg('pg_ctl', ['stop', '-D', this.data, '-m', 'immediate', '-w', '-t', '120']).catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
    this.watchdog.kill('SIGKILL');
  }

  private get data(): string {
    return join(this.dir, 'data');
  }

  private async pg(command: string, args: string[]): Promise<void> {
    try {
      await run(join(this.bin, command), args, {
        cwd: this.dir,
        uid: this.user.uid,
        gid: this.user.gid,
        timeout: 180_000,
      });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(
        `${command} ${args.join(' ')} failed: ${(error as Error).message}\n${stdout ?? ''}${stderr ?? ''}`,
      );
    }
  }
}

interface OsUser {
  uid?: number;
  gid?: number;
}

async function postgresBin(): Promise<string> {
  const versions = (await readdir('/usr/lib/postgresql')).filter((name) => /^\d+$/.test(name));
  if (versions.length === 0) throw new Error('no PostgreSQL under /usr/lib/postgresql');
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return join('/usr/lib/postgresql', newest, 'bin');
}

/** PostgreSQL will not run as root: as root, run it as the `postgres` OS user. */
async function postgresUser(): Promise<OsUser> {
  if (process.getuid?.() !== 0) return {};
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * A detached shell that outlives this process: once this process is gone, it
 * stops the server at once (SIGQUIT to the postmaster is an immediate shutdown)
 * and removes the directory. It leaves on its own when destroy() removed it.
 */
function startWatchdog(dir: string): ChildProcess {
  const script = `
    while kill -0 ${process.pid} 2>/dev/null && [ -d "$1" ]; do sleep 1; done
    [ -d "$1" ] || exit 0
    pid=$(head -n 1 "$1/data/postmaster.pid" 2>/dev/null)
    if [ -n "$pid" ] && kill -QUIT "$pid" 2>/dev/null; then
      i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 30 ]; do sleep 1; i=$((i + 1)); done
    fi
    rm -rf "$1"`;
  const child = spawn('sh', ['-c', script, 'watchdog', dir], { detached: true, stdio: 'ignore' });
  child.unref();
  return child;
}
