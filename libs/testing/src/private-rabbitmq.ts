import { connect } from 'amqplib';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { chown, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';
import { waitFor } from './wait-for';

const run = promisify(execFile);
const RABBITMQ_SERVER = '/usr/lib/rabbitmq/bin/rabbitmq-server';
const STOP_TIMEOUT_MS = 120_000;

/**
 * A RabbitMQ node of its own, on spare ports, for tests that stop and restart
 * the broker: the machine's node (5672) is never touched. Its own node name,
 * data, logs, config and no plugins; runs in the foreground as the `rabbitmq`
 * OS user when the tests run as root. A watchdog kills it and removes its
 * files if this process dies without calling destroy().
 */
export class PrivateRabbitmq {
  private child?: ChildProcess;
  private exited = Promise.resolve();
  private destroyed = false;

  private constructor(
    readonly port: number,
    readonly distPort: number,
    readonly nodeName: string,
    private readonly dir: string,
    private readonly user: OsUser,
    private readonly watchdog: ChildProcess,
  ) {}

  static async start(): Promise<PrivateRabbitmq> {
    const user = await rabbitmqUser();
    const port = await freePort();
    let distPort = await freePort();
    while (distPort === port) distPort = await freePort();
    const nodeName = `chasqui-chaos-${randomBytes(4).toString('hex')}@localhost`;
    const dir = await mkdtemp(join(tmpdir(), 'chasqui-rabbitmq-'));
    await writeFile(join(dir, 'rabbitmq.conf'), `listeners.tcp.local = 127.0.0.1:${port}\n`);
    await writeFile(join(dir, 'enabled_plugins'), '[].\n');
    await writeFile(join(dir, 'rabbitmq-env.conf'), '');
    if (user.uid !== undefined) {
      for (const path of [dir, ...['rabbitmq.conf', 'enabled_plugins', 'rabbitmq-env.conf'].map((f) => join(dir, f))]) {
        await chown(path, user.uid, user.gid!);
      }
    }
    const broker = new PrivateRabbitmq(port, distPort, nodeName, dir, user, startWatchdog(dir));
    try {
      await broker.startServer();
    } catch (error) {
      await broker.destroy();
      throw error;
    }
    return broker;
  }

  url(): string {
    return `amqp://guest:guest@127.0.0.1:${this.port}`;
  }

  /** A graceful stop, then a start on the same ports and data: durable queues and persistent messages survive. */
  async restart(): Promise<void> {
    await this.stopServer();
    await this.startServer();
  }

  /** Resolves once the node accepts AMQP connections. */
  async startServer(): Promise<void> {
    if (this.running()) return;
    const output = openSync(join(this.dir, 'server.out'), 'a');
    const child = spawn(RABBITMQ_SERVER, [], {
      cwd: this.dir,
      env: this.env(),
      uid: this.user.uid,
      gid: this.user.gid,
      detached: true,
      stdio: ['ignore', output, output],
    });
    closeSync(output);
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', () => resolve());
    });
    await writeFile(join(this.dir, 'server.pgid'), String(child.pid ?? ''));
    const ready = async () => {
      if (!this.running()) throw new Error('rabbitmq-server exited');
      return this.accepts();
    };
    await waitFor(ready, `RabbitMQ node ${this.nodeName} to accept connections`, 120_000).catch(async (error) => {
      throw new Error(`${(error as Error).message}\n${await this.logTail()}`);
    });
  }

  /** SIGTERM to the node's process group (a clean shutdown); resolves once it has exited. */
  async stopServer(): Promise<void> {
    await this.stop('SIGTERM');
  }

  /** Kills the node and removes its files; harmless to call again. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    await this.stop('SIGKILL');
    await rm(this.dir, { recursive: true, force: true });
    this.watchdog.kill('SIGKILL');
  }

  private async stop(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child?.pid || !this.running()) return;
    signalGroup(child.pid, signal);
    const stopped = await Promise.race([
      this.exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), STOP_TIMEOUT_MS).unref()),
    ]);
    if (!stopped) {
      signalGroup(child.pid, 'SIGKILL');
      await this.exited;
    }
    await rm(join(this.dir, 'server.pgid'), { force: true });
  }

  private running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  private async accepts(): Promise<boolean> {
    try {
      const connection = await connect(this.url(), { timeout: 5_000 });
      await connection.close();
      return true;
    } catch {
      return false;
    }
  }

  private env(): NodeJS.ProcessEnv {
    const dir = this.dir;
    return {
      PATH: process.env.PATH,
      LANG: 'C.UTF-8',
      // The Erlang cookie is read from $HOME: the rabbitmq user's, so `rabbitmqctl -n <nodeName>` works.
      HOME: this.user.home,
      RABBITMQ_NODENAME: this.nodeName,
      RABBITMQ_DIST_PORT: String(this.distPort),
      RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
      RABBITMQ_LOG_BASE: join(dir, 'log'),
      RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq.conf'),
      RABBITMQ_ADVANCED_CONFIG_FILE: join(dir, 'advanced.config'),
      RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
      // Not /etc/rabbitmq/rabbitmq-env.conf: it names the machine's node.
      RABBITMQ_CONF_ENV_FILE: join(dir, 'rabbitmq-env.conf'),
      RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
      ERL_EPMD_ADDRESS: '127.0.0.1',
    };
  }

  private async logTail(): Promise<string> {
    const files = [join(this.dir, 'server.out')];
    const logs = await readdir(join(this.dir, 'log')).catch(() => [] as string[]);
    files.push(...logs.filter((name) => name.endsWith('.log')).map((name) => join(this.dir, 'log', name)));
    const tails = await Promise.all(
      files.map(async (file) => {
        const text = await readFile(file, 'utf8').catch(() => '');
        return `--- ${file}\n${text.split('\n').slice(-40).join('\n')}`;
      }),
    );
    return tails.join('\n');
  }
}

interface OsUser {
  uid?: number;
  gid?: number;
  home?: string;
}

/** As root, the node runs as the `rabbitmq` OS user, so its files and cookie are the packaged node's. */
async function rabbitmqUser(): Promise<OsUser> {
  if (process.getuid?.() !== 0) return { home: process.env.HOME };
  const { stdout } = await run('getent', ['passwd', 'rabbitmq']);
  const [, , uid, gid, , home] = stdout.trim().split(':');
  return { uid: Number(uid), gid: Number(gid), home };
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/**
 * A detached shell that outlives this process: once this process is gone, it
 * kills the node's process group and removes the directory. It leaves on its
 * own when destroy() removed the directory.
 */
function startWatchdog(dir: string): ChildProcess {
  const script = `
    while kill -0 ${process.pid} 2>/dev/null && [ -d "$1" ]; do sleep 1; done
    [ -d "$1" ] || exit 0
    pgid=$(cat "$1/server.pgid" 2>/dev/null)
    [ -n "$pgid" ] && kill -KILL "-$pgid" 2>/dev/null
    sleep 1
    rm -rf "$1"`;
  const child = spawn('sh', ['-c', script, 'watchdog', dir], { detached: true, stdio: 'ignore' });
  child.unref();
  return child;
}
