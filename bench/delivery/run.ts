import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fmt, machine, table } from '../support/measure';
import { bareNodemailer } from './bare-nodemailer';
import { DeliveryUnderTest } from './delivery-under-test';
import { corpusEmails, pushEmails } from './inbound';
import { statementPdfOrStandIn } from './mail';
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
/** Inbound SMTP clients at once, on both sides of the inbound comparison. */
const INBOUND_CONNECTIONS = 4;

async function main() {
  const messages = option('messages', 2_000);
  const pool = option('pool', 5);
  const rounds = option('inbound-rounds', 3);
  const { pdf, kind: pdfKind } = await statementPdfOrStandIn();
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

    // What comes back: the corpus through delivery's inbound port (stored, classified, matched) vs the same SMTP to the sink.
    const emails = corpusEmails();
    const inboundCount = emails.length * rounds;
    await delivery.serve();
    const inboundStart = process.hrtime.bigint();
    await pushEmails(delivery.inboundPort, emails, rounds, INBOUND_CONNECTIONS);
    while ((await delivery.unread()) > 0) await new Promise((r) => setTimeout(r, 20));
    const inboundMs = Number(process.hrtime.bigint() - inboundStart) / 1e6;
    const sinkInboundMs = await counted(sink, inboundCount, () =>
      pushEmails(sink.port, emails, rounds, INBOUND_CONNECTIONS),
    );

    const rate = (ms: number, count = messages) => count / (ms / 1000);
    const bare = { beforePerSecond: rate(bareBeforeMs), afterPerSecond: rate(bareAfterMs) };
    const bareMean = (bare.beforePerSecond + bare.afterPerSecond) / 2;
    const chasqui = rate(drain.spanMs);
    const figures = {
      machine: { ...host, loadAverage: { before: loadBefore, after: loadavg() } },
      sink: sink.kind,
      messages,
      pool,
      prefetch: PREFETCH,
      attachment: { kind: pdfKind, bytes: pdf.length },
      bare: { ...bare, meanPerSecond: bareMean, beforeMs: bareBeforeMs, afterMs: bareAfterMs },
      chasqui: { perSecond: chasqui, ...drain, polledPerSecond: rate(drain.polledMs), publishMs },
      percentOfBare: (100 * chasqui) / bareMean,
      inbound: {
        emails: inboundCount,
        connections: INBOUND_CONNECTIONS,
        classifiedPerSecond: rate(inboundMs, inboundCount),
        sinkPerSecond: rate(sinkInboundMs, inboundCount),
      },
    };
    const load = (l: number[]) => l.map((n) => fmt(n, 2)).join(' ');
    console.log(
      `machine: ${host.cpus} × ${host.cpu}, Node ${host.node}, PostgreSQL ${host.postgres}\n` +
        `load average: ${load(loadBefore)} (before), ${load(figures.machine.loadAverage.after)} (after)\n` +
        `sink: ${sink.kind}\n` +
        table(
          `${fmt(messages)} emails, ${pdfKind} (${fmt(pdf.length / 1024)} KB) attached, ${pool} SMTP connections each side`,
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
        ) +
        '\n' +
        table(
          `inbound: the mail corpus × ${rounds} (${fmt(inboundCount)} emails), ${INBOUND_CONNECTIONS} SMTP clients`,
          [
            [
              'delivery: received, stored raw, classified, matched',
              `${fmt(figures.inbound.classifiedPerSecond)} emails/s  (${fmt(inboundMs / 1000, 2)} s)`,
            ],
            [
              'the same emails to the sink (SMTP only)',
              `${fmt(figures.inbound.sinkPerSecond)} emails/s  (${fmt(sinkInboundMs / 1000, 2)} s)`,
            ],
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
