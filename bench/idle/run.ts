import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, createTestVhost, freePort, runMigration, ServiceProcess } from '@chasqui/testing';
import { fmt, machine } from '../support/measure';

/**
 * bench/idle (issue 14): the CPU an idle stack burns — the four services
 * started from dist/ on a fresh database and vhost, nothing to do, each
 * process tree (the renderer with its Chromium) sampled from /proc over
 * --seconds (default 30) after --settle seconds (default 60) for start-up work
 * to end: for about a minute after /readyz answers, V8 still collects what
 * start-up left (full GCs of 50–140 ms per service in CPU profiles; the stack
 * measured 21 ms/s over that first minute, 5.8 ms/s over the next). The
 * primitive beside it is
 * the same sampling of a bare `node -e "setInterval(() => {}, 1000)"`, which
 * shows what an idle Node process costs here.
 *
 *   npm run bench:idle -- [--seconds 30] [--settle 60]
 */
const SERVICES = ['receivables', 'scheduler', 'renderer', 'delivery'] as const;
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** CPU ticks (user + system) of a process and every descendant. */
function treeTicks(pid: number): number {
  let ticks = 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) ticks += treeTicks(Number(child));
    }
  } catch {
    // The process ended while being read.
  }
  return ticks;
}

/** Milliseconds of CPU per second of each process tree over `seconds`. */
async function sample(pids: Record<string, number>, seconds: number): Promise<Record<string, number>> {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, treeTicks(pid)]));
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => [
      name,
      ((treeTicks(pid) - before[name]) * (1000 / TICKS_PER_SECOND)) / seconds,
    ]),
  );
}

async function main() {
  const seconds = option('seconds', 30);
  const settle = option('settle', 60);
  const cleanups: (() => unknown)[] = [];
  try {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const vhost = await createTestVhost();
    cleanups.push(() => vhost.drop());
    const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (name) => [name, await freePort()])));
    const common = {
      DATABASE_URL: database.url,
      AMQP_URL: vhost.url,
      SERVICE_TOKEN: 'bench-service-token',
      ADMIN_TOKEN: 'bench-admin-token',
      RECEIVABLES_URL: `127.0.0.1:${ports.receivables}`,
      RENDERER_URL: `127.0.0.1:${ports.renderer}`,
      SCHEDULER_URL: `127.0.0.1:${ports.scheduler}`,
      SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
      STATEMENT_LINK_SECRET: 'bench-statement-link-secret-0123456789',
      LOG_LEVEL: 'warn',
    };
    const pids: Record<string, number> = {};
    for (const name of SERVICES) {
      const env: Record<string, string> = {
        ...common,
        GRPC_PORT: String(ports[name]),
        HTTP_PORT: String(await freePort()),
        STATEMENT_PORT: String(await freePort()),
        PREVIEW_PORT: String(await freePort()),
        INBOUND_SMTP_PORT: String(await freePort()),
        UNSUBSCRIBE_PORT: String(await freePort()),
      };
      await runMigration(name, env);
      const service = new ServiceProcess(name, env);
      cleanups.push(() => service.stop());
      await service.start();
      pids[name] = service.pid!;
    }
    const { spawn } = await import('node:child_process');
    const bare = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    cleanups.push(() => bare.kill());
    await new Promise((resolve) => setTimeout(resolve, settle * 1000)); // start-up work settles
    const perSecond = await sample({ ...pids, 'bare node': bare.pid! }, seconds);
    const stack = SERVICES.reduce((sum, name) => sum + perSecond[name], 0);
    const { cpus, cpu, node } = machine('');
    console.log(`machine: ${cpus} cores × ${cpu}, Node ${node}; idle for ${seconds} s, ${settle} s after start-up`);
    for (const name of [...SERVICES, 'bare node']) {
      console.log(`  ${name.padEnd(12)} ${fmt(perSecond[name], 1).padStart(6)} ms CPU per second`);
    }
    console.log(`  ${'stack'.padEnd(12)} ${fmt(stack, 1).padStart(6)} ms CPU per second (target < 10)`);
    const dir = join(__dirname, '..', '..', 'idle', 'results');
    mkdirSync(dir, { recursive: true });
    const figures = {
      machine: { cpus, cpu, node },
      seconds,
      settleSeconds: settle,
      msPerSecond: perSecond,
      stackMsPerSecond: stack,
    };
    writeFileSync(join(dir, 'latest.json'), JSON.stringify(figures, null, 2) + '\n');
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
