import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fmt, machine, table } from '../support/measure';
import { bareNodemailer } from './bare-nodemailer';
import { DeliveryUnderTest } from './delivery-under-test';
import { ATTACHMENT_BYTES, statementPdf } from './mail';
import { startSink, type Sink } from './smtp-sink';

/**
 * bench/delivery (ARCHITECTURE §10): email send throughput with a 60 KB PDF
 * attached, to a local SMTP sink — delivery draining N send jobs from its
 * queue (claimed, sent on its own pool of K connections, recorded with its
 * event) beside a bare pooled nodemailer loop of K connections sending the
 * same N emails to the same sink, in the same run. The bare loop runs before
 * and after delivery; the ratio is against their mean.
 *
 *   npm run bench:delivery -- [--messages 2000] [--pool 5]
 */
function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const PREFETCH = 32;

async function main() {
  const messages = option('messages', 2_000);
  const pool = option('pool', 5);
  const pdf = statementPdf();
  const sink = await startSink();
  const delivery = new DeliveryUnderTest();
  try {
    await delivery.start(sink.port, pool, PREFETCH);
    const { rows } = await delivery.sql.query<{ server_version: string }>('show server_version');
    const host = machine(rows[0].server_version);
    const loadBefore = loadavg();

    const bareBeforeMs = await counted(sink, messages, () => bareNodemailer(sink.port, pool, messages, pdf));
    const publishMs = await delivery.publish(messages, pdf);
    const drain = await counted(sink, messages, () => delivery.drain(messages));
    const bareAfterMs = await counted(sink, messages, () => bareNodemailer(sink.port, pool, messages, pdf));

    const rate = (ms: number) => messages / (ms / 1000);
    const bare = { beforePerSecond: rate(bareBeforeMs), afterPerSecond: rate(bareAfterMs) };
    const bareMean = (bare.beforePerSecond + bare.afterPerSecond) / 2;
    const chasqui = rate(drain.spanMs);
    const figures = {
      machine: { ...host, loadAverage: { before: loadBefore, after: loadavg() } },
      sink: sink.kind,
      messages,
      pool,
      prefetch: PREFETCH,
      attachmentBytes: ATTACHMENT_BYTES,
      bare: { ...bare, meanPerSecond: bareMean, beforeMs: bareBeforeMs, afterMs: bareAfterMs },
      chasqui: { perSecond: chasqui, ...drain, polledPerSecond: rate(drain.polledMs), publishMs },
      percentOfBare: (100 * chasqui) / bareMean,
    };
    const load = (l: number[]) => l.map((n) => fmt(n, 2)).join(' ');
    console.log(
      `machine: ${host.cpus} × ${host.cpu}, Node ${host.node}, PostgreSQL ${host.postgres}\n` +
        `load average: ${load(loadBefore)} (before), ${load(figures.machine.loadAverage.after)} (after)\n` +
        `sink: ${sink.kind}\n` +
        table(
          `${fmt(messages)} emails, ${fmt(ATTACHMENT_BYTES / 1024)} KB PDF attached, ${pool} SMTP connections each side`,
          [
            [
              'bare pooled nodemailer, before',
              `${fmt(bare.beforePerSecond)} msgs/s  (${fmt(bareBeforeMs / 1000, 2)} s)`,
            ],
            ['bare pooled nodemailer, after', `${fmt(bare.afterPerSecond)} msgs/s  (${fmt(bareAfterMs / 1000, 2)} s)`],
            [
              'delivery, draining its queue',
              `${fmt(chasqui)} msgs/s  (${fmt(drain.spanMs / 1000, 2)} s first claim → last sent, prefetch ${PREFETCH})`,
            ],
            ['… as polled (first row → all sent)', `${fmt(figures.chasqui.polledPerSecond)} msgs/s`],
            ['delivery ready after (not counted)', `${fmt(drain.readyMs / 1000, 2)} s`],
            ['send jobs published beforehand', `${fmt(publishMs / 1000, 2)} s  (not counted)`],
            ['delivery / bare (mean)', `${fmt(figures.percentOfBare, 1)} %  (target ≥ 70 %)`],
          ],
        ),
    );
    const dir = join(__dirname, '..', '..', 'delivery', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'latest.json'), JSON.stringify(figures, null, 2) + '\n');
  } finally {
    await delivery.stop();
    await sink.stop();
  }
}

/** Runs `work`, then checks the sink accepted exactly `messages` more: nothing timed went missing or twice. */
async function counted<T>(sink: Sink, messages: number, work: () => Promise<T>): Promise<T> {
  const before = sink.accepted();
  const result = await work();
  // The sink prints its counter as it goes; give the last line a moment to arrive.
  for (let i = 0; i < 50 && sink.accepted() - before < messages; i++) await new Promise((r) => setTimeout(r, 20));
  const accepted = sink.accepted() - before;
  if (accepted !== messages) throw new Error(`the sink accepted ${accepted} messages, not ${messages}`);
  return result;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
