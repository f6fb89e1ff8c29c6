import { freePort } from '@chasqui/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

const POSTFIX_SINK = '/usr/sbin/smtp-sink';

/** An SMTP server that takes every message and throws it away, in its own process; counts what it accepted. */
export interface Sink {
  port: number;
  /** What it is, for the report. */
  kind: string;
  /** Messages accepted so far (their final dot answered). */
  accepted(): number;
  stop(): Promise<void>;
}

/**
 * Postfix's smtp-sink (`-c` prints `sess=… quit=… mesg=…` as it goes) when
 * installed; otherwise libs/testing's SmtpSink in a child process, which
 * parses every message and so is a slower sink than Postfix's.
 */
export async function startSink(): Promise<Sink> {
  if (existsSync(POSTFIX_SINK)) {
    const port = await freePort();
    // As root it must be told whom to run as once the socket is open.
    const user = process.getuid?.() === 0 ? ['-u', 'nobody'] : [];
    const child = spawn(POSTFIX_SINK, ['-c', ...user, `127.0.0.1:${port}`, '1000'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sink = watch(child, port, `Postfix smtp-sink (${POSTFIX_SINK})`);
    await listening(child, port);
    return sink;
  }
  const child = spawn(process.execPath, [join(__dirname, 'fallback-sink.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve(Number(/port=(\d+)/.exec(chunk.toString())?.[1])));
    child.once('exit', (code) => reject(new Error(`fallback SMTP sink exited with ${code}`)));
  });
  return watch(child, port, 'FALLBACK: libs/testing SmtpSink in a child process (smtp-sink not installed)');
}

/** Follows the `mesg=N` counter the sink prints after each message. */
function watch(child: ChildProcess, port: number, kind: string): Sink {
  let accepted = 0;
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const records = (pending + chunk.toString()).split(/[\r\n]/);
    pending = records.pop() ?? '';
    for (const record of records) {
      const count = /mesg=(\d+)/.exec(record);
      if (count) accepted = Number(count[1]);
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[smtp sink] ${chunk.toString()}`));
  return {
    port,
    kind,
    accepted: () => accepted,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Until the sink answers on its port (or has died trying). */
async function listening(child: ChildProcess, port: number): Promise<void> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`smtp-sink exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`smtp-sink did not listen on 127.0.0.1:${port}`);
}
