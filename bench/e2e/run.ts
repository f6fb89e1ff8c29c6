import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { receivables, scheduler } from '@chasqui/contracts';
import { freePort, ServiceStack } from '@chasqui/testing';
import { renderStatement } from '@chasqui/renderer/dist/reminder/render-reminder';
import { firstValueFrom } from 'rxjs';
import { startSink } from '../delivery/smtp-sink';
import { barePdfLoop } from '../renderer/bare-pdf-loop';
import { fmt, machine, table } from '../support/measure';
import { follow, rates, reminderStages } from './pipeline-stages';
import { seedAccounts } from './seed-accounts';

/**
 * bench/e2e (issue 14): one cycle's reminders, each with its customer's
 * statement PDF, from RunCycle to acceptance at Postfix's smtp-sink — the four
 * services as processes on one database and vhost — timed per stage (decided,
 * render jobs published, rendered, sent, accepted), with the slowest stage
 * named. Beside it, in the same run: a bare playwright-core loop printing one
 * of those statements on the renderer's number of pages, the floor for that
 * many PDFs on this machine.
 *
 *   npm run bench:e2e -- [--reminders 10000] [--invoices-per-customer 3] [--pdfs 200]
 */
function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium-headless-shell';
/** Every invoice falls due on this date; the cycle runs the next day, after the rule's 09:00 in Mexico City. */
const LAST_DUE = '2026-11-20';
const AS_OF = '2026-11-21T18:00:00Z';
const TARGET_MINUTES = 10;

async function main() {
  const reminders = option('reminders', 10_000);
  const perCustomer = option('invoices-per-customer', 3);
  const pdfs = option('pdfs', 200);
  const pages = option('pages', Number(process.env.PDF_PAGES ?? 2));
  const sink = await startSink();
  const stack = await ServiceStack.start({
    services: ['receivables', 'scheduler', 'renderer', 'delivery'],
    env: { TICK_INTERVAL_MS: '0', LOG_LEVEL: 'warn' },
    serviceEnv: {
      renderer: {
        CHROMIUM_PATH: CHROMIUM,
        PDF_PAGES: String(pages),
        STATEMENT_PORT: String(await freePort()),
        PREVIEW_PORT: String(await freePort()),
      },
      delivery: {
        SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        INBOUND_SMTP_PORT: String(await freePort()),
        UNSUBSCRIBE_PORT: String(await freePort()),
      },
    },
  }).catch(async (error: unknown) => {
    await sink.stop();
    throw error;
  });
  try {
    const { rows } = await stack.sql.query<{ server_version: string }>('show server_version');
    const host = machine(rows[0].server_version);
    const tenant = await stack.tenant();
    await seedAccounts(stack.sql, tenant.id, { customers: reminders, perCustomer, dueDate: LAST_DUE });
    const schedulerClient = stack.client<scheduler.SchedulerServiceClient>('scheduler');
    await firstValueFrom(
      schedulerClient.createRule(
        {
          name: 'Vencidas: desde el día siguiente, cada 7 días, un aviso por cliente',
          sendHour: 9,
          template: '',
          grouping: scheduler.Grouping.GROUPING_PER_CUSTOMER,
          businessDaysOnly: false,
          overdue: { fromDays: 1, everyDays: 7 },
        },
        tenant.auth,
      ),
    );

    // The floor: one of these statements printed over and over on as many warm pages, before the run.
    const { statement } = await firstValueFrom(
      stack.receivables.getStatement(
        {
          customerId: (await stack.sql.query<{ id: string }>('select id from receivables.customers limit 1')).rows[0]
            .id,
          asOf: LAST_DUE,
          scope: receivables.StatementScope.STATEMENT_SCOPE_ALL_OPEN,
        },
        tenant.auth,
      ),
    );
    const html = renderStatement(statement!).html;
    const bare = await barePdfLoop(CHROMIUM, html, pages, pdfs);

    const loadBefore = loadavg();
    const start = process.hrtime.bigint();
    const cycle = firstValueFrom(
      schedulerClient.runCycle({ asOf: { seconds: String(Date.parse(AS_OF) / 1000), nanos: 0 } }, tenant.auth),
    );
    cycle.catch(() => undefined); // awaited below; a failure meanwhile surfaces there, or as the stages' time-out
    let shown = 0;
    const progress = await follow(
      reminderStages(stack.sql, () => sink.accepted()),
      reminders,
      start,
      60 * 60_000,
      (stages) => {
        const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
        if (elapsed - shown < 30) return;
        shown = elapsed;
        console.error(`${fmt(elapsed)} s: ${stages.map((s) => `${s.name.split(' (')[0]} ${fmt(s.done)}`).join(' · ')}`);
      },
    );
    const { queued } = await cycle;
    if (queued !== reminders) throw new Error(`the cycle queued ${queued} reminders, not ${reminders}`);
    const loadAfter = loadavg();
    // The machine is shared: the bare loop runs before and after, and the floor is their mean.
    const bareAfter = await barePdfLoop(CHROMIUM, html, pages, pdfs);
    const barePerSecond = (pdfs / (bare.ms / 1000) + pdfs / (bareAfter.ms / 1000)) / 2;
    const totalMs = progress[progress.length - 1].lastMs!;
    const perStage = rates(progress, reminders);
    // Stages after the slowest keep its pace: the bottleneck is the first stage within 5 % of the slowest rate.
    const slowest = Math.min(...perStage.map((stage) => stage.perSecond));
    const bottleneck = perStage.find((stage) => stage.perSecond <= slowest * 1.05)!;
    const floorMs = (reminders / barePerSecond) * 1000;

    const figures = {
      machine: host,
      reminders,
      invoicesPerCustomer: perCustomer,
      pdfPages: pages,
      load: { before: loadBefore, after: loadAfter },
      totalSeconds: totalMs / 1000,
      targetMinutes: TARGET_MINUTES,
      stages: progress.map((p, i) => ({ ...p, perSecond: perStage[i].perSecond })),
      bottleneck: bottleneck.name,
      bare: {
        pdfs,
        pages,
        beforePerSecond: pdfs / (bare.ms / 1000),
        afterPerSecond: pdfs / (bareAfter.ms / 1000),
        perSecond: barePerSecond,
        pdfBytes: bare.bytes,
        engine: bare.engine,
      },
      floorSeconds: floorMs / 1000,
      percentOfFloor: (100 * floorMs) / totalMs,
    };
    const minutes = (ms: number) => `${fmt(ms / 60_000, 1)} min`;
    console.log(
      `machine: ${host.cpus} × ${host.cpu}, Node ${host.node}, PostgreSQL ${host.postgres}\n` +
        `engine: ${CHROMIUM} (${bare.engine}); SMTP: ${sink.kind}\n` +
        `load average ${loadBefore.map((n) => fmt(n, 2)).join(' ')} (before), ` +
        `${loadAfter.map((n) => fmt(n, 2)).join(' ')} (after)\n` +
        table(
          `one cycle → SMTP: ${fmt(reminders)} reminders (${perCustomer} open invoices and a statement PDF each), ` +
            `${pages} PDF pages`,
          [
            ...progress.map((p, i): [string, string] => [
              p.name,
              `first ${fmt(p.firstMs! / 1000, 1)} s, last ${fmt(p.lastMs! / 1000, 1)} s  ` +
                (Number.isFinite(perStage[i].perSecond)
                  ? `(${fmt(perStage[i].perSecond, 1)} /s)`
                  : '(within one poll)'),
            ]),
            ['cycle → last accepted', `${minutes(totalMs)}  (target ≤ ${TARGET_MINUTES} min)`],
            ['bottleneck', bottleneck.name],
            [
              `bare page.pdf() loop, ${pages} pages`,
              `${fmt(barePerSecond, 1)} PDFs/s (${fmt(figures.bare.beforePerSecond, 1)} before, ` +
                `${fmt(figures.bare.afterPerSecond, 1)} after): ${minutes(floorMs)} for ${fmt(reminders)} ` +
                `(${fmt(bare.bytes / 1024)} KB each)`,
            ],
            ['end to end / bare PDF floor', `${fmt(figures.percentOfFloor, 1)} % of the floor's pace`],
          ],
        ),
    );
    const dir = join(__dirname, '..', '..', 'e2e', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'latest.json'), JSON.stringify(figures, null, 2) + '\n');
  } finally {
    await stack.stop();
    await sink.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
