import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fmt, machine } from '../support/measure';
import { barePdfLoop } from './bare-pdf-loop';
import { poolPdfLoop } from './pool-pdf-loop';
import { RendererUnderTest } from './renderer-under-test';
import { statementHtml } from './statement-html';

/**
 * bench/renderer (ARCHITECTURE §10): statement PDFs at 1, 2 and 4 warm
 * Chromium pages — a bare playwright-core loop (setContent + page.pdf() on N
 * pages of one browser launched as the renderer launches it), the renderer's
 * ChromiumPool (printing through each page's DevTools session) with N pages
 * and N renders in flight, both printing the same
 * statement HTML; and the renderer service itself (PDF_PAGES=N, against
 * receivables) turning K render jobs for K customers into K send jobs, each
 * with that customer's own statement PDF — in the same run, each size in turn.
 *
 *   npm run bench:renderer -- [--emails 600] [--pdfs 400] [--invoices 8] [--pages 1,2,4]
 *
 * 600 emails: a run of 15–25 s per size; 200 gave 4-second runs whose ratio moved ±10 points.
 */
function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

function count(name: string, fallback: number): number {
  const value = Number(option(name, String(fallback)));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium-headless-shell';
/** The local date every reminder is for. */
const AS_OF = '2026-11-22';
/** Reminders rendered before each timed run, not counted (at least one per page). */
const WARM_UP = 8;

async function main() {
  const emails = count('emails', 600);
  const pdfs = count('pdfs', 400);
  const invoices = count('invoices', 8);
  const sizes = option('pages', '1,2,4').split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > WARM_UP)) throw new Error(`--pages: 1 to ${WARM_UP}`);
  const service = new RendererUnderTest();
  try {
    await service.start(CHROMIUM);
    const seeded = await service.seed(emails + WARM_UP, invoices, AS_OF);
    const [customers, warmUp] = [seeded.slice(0, emails), seeded.slice(emails)];
    // One of the customers' statement, as their reminders print it; the bare loop and the pool print it over and over.
    const html = await statementHtml(service, customers[0], AS_OF);
    const { cpus, cpu, node } = machine(''); // no PostgreSQL figure here
    const host = { cpus, cpu, node };
    const loadBefore = loadavg();
    const runs = [];
    for (const pages of sizes) {
      // The machine is shared: the bare loop runs before and after the other two, and the ratios are to their mean.
      const bare = await barePdfLoop(CHROMIUM, html, pages, pdfs);
      const pool = await poolPdfLoop(CHROMIUM, html, pages, pdfs);
      const renderer = await service.emails(pages, customers, warmUp, AS_OF);
      const bareAfter = await barePdfLoop(CHROMIUM, html, pages, pdfs);
      const perSecond = (n: number, ms: number) => n / (ms / 1000);
      const bareMean = (perSecond(pdfs, bare.ms) + perSecond(pdfs, bareAfter.ms)) / 2;
      const poolPerSecond = perSecond(pdfs, pool.ms);
      const emailsPerSecond = perSecond(emails, renderer.ms);
      runs.push({
        pages,
        bare: {
          ...bare,
          beforePerSecond: perSecond(pdfs, bare.ms),
          afterPerSecond: perSecond(pdfs, bareAfter.ms),
          afterMs: bareAfter.ms,
          meanPerSecond: bareMean,
        },
        pool: { ...pool, perSecond: poolPerSecond, percentOfBare: (100 * poolPerSecond) / bareMean },
        service: { ...renderer, perSecond: emailsPerSecond, percentOfBare: (100 * emailsPerSecond) / bareMean },
      });
    }
    const loadAfter = loadavg();
    const load = (l: number[]) => l.map((n) => fmt(n, 2)).join(' ');
    const rows = runs.map((r) => [
      String(r.pages),
      `${fmt(r.bare.meanPerSecond, 1)}  (${fmt(r.bare.beforePerSecond, 1)} before, ${fmt(r.bare.afterPerSecond, 1)} after)`,
      `${fmt(r.pool.perSecond, 1)}  (${fmt(r.pool.percentOfBare)} %)`,
      `${fmt(r.service.perSecond, 1)}  (${fmt(r.service.percentOfBare)} %, ${fmt(r.service.ms / 1000, 1)} s)`,
    ]);
    console.log(
      `machine: ${host.cpus} cores × ${host.cpu}, Node ${host.node}\n` +
        `engine: ${CHROMIUM} (${runs[0].bare.engine})\n` +
        `load average: ${load(loadBefore)} (before), ${load(loadAfter)} (after)\n` +
        `statement: ${invoices} open invoices, ${fmt(html.length / 1024)} KB of HTML, a ${fmt(runs[0].bare.bytes / 1024)} KB PDF; ` +
        `a send job ${fmt(runs[0].service.meanSendJobBytes / 1024)} KB; ` +
        `bare and pool print one customer's ${fmt(pdfs)} times; ` +
        `the service ${fmt(emails)} reminders for ${fmt(emails)} customers (their own statements)\n` +
        columns([
          ['pages', 'bare PDFs/s, mean', 'pool PDFs/s (of bare)', 'service emails/s (of bare; target ≥ 80 %)'],
          ...rows,
        ]),
    );
    for (const r of runs) {
      // The bare loop's PDF options are a copy of the pool's: the same HTML must come out the same size.
      if (Math.abs(r.bare.bytes - r.pool.bytes) > 0.02 * r.pool.bytes) {
        console.log(`note: at ${r.pages} pages the bare PDF is ${r.bare.bytes} bytes, the pool's ${r.pool.bytes}`);
      }
      if (r.service.distinctPdfs !== emails) {
        console.log(`note: at ${r.pages} pages the ${emails} emails carried ${r.service.distinctPdfs} distinct PDFs`);
      }
    }
    const dir = join(__dirname, '..', '..', 'renderer', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'latest.json'),
      JSON.stringify(
        {
          machine: { ...host, loadAverage: { before: loadBefore, after: loadAfter } },
          engine: { path: CHROMIUM, version: runs[0].bare.engine },
          emails,
          pdfs,
          invoices,
          runs,
        },
        null,
        2,
      ) + '\n',
    );
  } finally {
    await service.stop();
  }
}

/** Rows of cells as aligned columns, the first row a heading. */
function columns(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]) => '  ' + row.map((cell, i) => cell.padEnd(widths[i])).join(' | ');
  return [line(rows[0]), '  ' + widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
