import { connect } from 'amqplib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scheduler } from '@chasqui/contracts';
import { firstValueFrom } from 'rxjs';
import { fmt, machine, since, table } from '../support/measure';
import { bareDueSet, barePublish } from './bare-primitives';
import { CollectionStack } from './collection-stack';
import { seedLedger } from './seed-ledger';

/**
 * bench/scheduler (ARCHITECTURE §10): RunCycle over a tenant with N open
 * invoices and M customers — decided, stored once and published — beside the
 * bare SQL that selects the same due set plus a bare confirmed publish of the
 * same number of jobs, in the same run. Two cycles: the first after the rule
 * exists (every invoice has a step to decide) and the next day's (only the
 * steps of that day).
 *
 *   npm run bench:scheduler -- [--invoices 1000000] [--customers 100000]
 */
function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const RULE = { fromDays: 1, everyDays: 7 };
const LAST_DUE = '2026-11-20';

async function main() {
  const invoices = option('invoices', 1_000_000);
  const customers = option('customers', 100_000);
  const stack = new CollectionStack();
  await stack.start();
  try {
    const { rows } = await stack.sql.query<{ server_version: string }>('show server_version');
    const host = machine(rows[0].server_version);
    await seedLedger(stack.sql, stack.tenantId, { customers, invoices, lastDue: LAST_DUE, spreadDays: 7 });
    await bindRenderQueue(stack.amqpUrl);
    await firstValueFrom(
      stack.scheduler.createRule(
        {
          name: 'Vencidas: desde 1 día, cada 7',
          sendHour: 9,
          template: '',
          grouping: scheduler.Grouping.GROUPING_PER_INVOICE,
          businessDaysOnly: false,
          overdue: RULE,
        },
        stack.auth,
      ),
    );
    const cycles = [];
    for (const [label, asOfDate, windowDays] of [
      // A new rule's first cycle: the steps of the last 48 h (the grace period), older ones were never owed.
      ['first cycle of the rule', '2026-11-21', 2],
      ['next day (that day’s steps)', '2026-11-22', 1],
    ] as const) {
      // A day passes between cycles: the renderer has taken the previous cycle's jobs (each cycle, like the bare
      // publish, starts on an empty queue) and autovacuum and the checkpointer have caught up with its writes.
      await purgeRenderQueue(stack.amqpUrl);
      await stack.sql.query('vacuum analyze scheduler.occurrences, scheduler.occurrence_steps, scheduler.outbox');
      await stack.sql.query('checkpoint');
      const cycle = await runCycle(stack, `${asOfDate}T18:00:00Z`);
      const dueSet = await bareDueSet(stack.sql, stack.tenantId, asOfDate, RULE, windowDays);
      const publishMs = await barePublish(stack.amqpUrl, cycle.queued);
      cycles.push({ label, asOfDate, ...cycle, bare: { dueSetMs: dueSet.ms, dueSetRows: dueSet.rows, publishMs } });
    }
    console.log(`machine: ${host.cpus} × ${host.cpu}, Node ${host.node}, PostgreSQL ${host.postgres}`);
    for (const c of cycles) {
      const bare = c.bare.dueSetMs + c.bare.publishMs;
      console.log(
        table(`${c.label}: ${fmt(invoices)} open invoices, ${fmt(customers)} customers, as of ${c.asOfDate}`, [
          ['decided (queued / missed)', `${fmt(c.queued)} / ${fmt(c.missed)}`],
          ['RunCycle (decided and stored)', `${fmt(c.cycleMs / 1000, 1)} s`],
          ['… and its jobs published', `${fmt(c.publishedMs / 1000, 1)} s  (target ≤ 30 s)`],
          ['bare: select the due set', `${fmt(c.bare.dueSetMs / 1000, 1)} s  (${fmt(c.bare.dueSetRows)} rows)`],
          ['bare: confirmed publish of the jobs', `${fmt(c.bare.publishMs / 1000, 1)} s  (${fmt(c.queued)} messages)`],
          ['cycle / bare', `${fmt(c.publishedMs / bare, 1)} ×  (target ≤ 2 ×)`],
        ]),
      );
    }
    const dir = join(__dirname, '..', '..', 'scheduler', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'latest.json'),
      JSON.stringify({ machine: host, invoices, customers, cycles }, null, 2) + '\n',
    );
  } finally {
    await stack.stop();
  }
}

/** One RunCycle, timed to its answer and to the last of its jobs leaving the outbox. */
async function runCycle(stack: CollectionStack, asOf: string) {
  const start = process.hrtime.bigint();
  const result = await firstValueFrom(
    stack.scheduler.runCycle({ asOf: { seconds: String(Date.parse(asOf) / 1000), nanos: 0 } }, stack.auth),
  );
  const cycleMs = since(start);
  for (;;) {
    // exists, not count(*): the poll must not compete with what it measures.
    const { rows } = await stack.sql.query<{ left: boolean }>('select exists (select from scheduler.outbox) as left');
    if (!rows[0].left) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { queued: result.queued, missed: result.missed, skipped: result.skipped, cycleMs, publishedMs: since(start) };
}

/** Render jobs are published mandatory: give them a queue to land in, as the renderer's would be. */
async function bindRenderQueue(amqpUrl: string) {
  const connection = await connect(amqpUrl);
  const channel = await connection.createChannel();
  await channel.assertExchange('chasqui.jobs', 'direct', { durable: true });
  await channel.assertQueue('bench.render', { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.bindQueue('bench.render', 'chasqui.jobs', 'render');
  await connection.close();
}

async function purgeRenderQueue(amqpUrl: string) {
  const connection = await connect(amqpUrl);
  const channel = await connection.createChannel();
  await channel.purgeQueue('bench.render');
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
