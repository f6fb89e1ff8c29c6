import { SERVICES, type ChaosStack } from './chaos-stack';
import { activityDisagreements } from './activity';
import type { ReminderRun } from './reminders';
import { judge, type MessageRow, type Observation } from './verdicts';

/** Nothing changes for this long: late duplicates and late events have had their chance. */
const QUIET_MS = 3_000;
const POLL_MS = 500;

export interface ExactlyOnceOptions {
  /** How long the run may take to settle after the fault (by default two minutes and a second per reminder). */
  timeoutMs?: number;
  /**
   * How often delivery was SIGKILLed during the run. A death between
   * recording "the final dot goes now" and recording the server's answer
   * leaves the message unknown whatever the server did (took it, or never
   * saw the dot): at most SMTP_POOL_SIZE messages per death, none ever
   * received twice. Zero (the default): every unknown is a drop after the dot.
   */
  senderDeaths?: number;
}

/** What came of a run, for the scenario's own assertions and the log. */
export interface RunOutcome {
  sent: number;
  unknown: number;
  /** Of those, left unknown by a death of delivery rather than by a connection dropped after the dot. */
  unknownAfterDeath: number;
  accepted: number;
  dropped: number;
  acceptedBeforeFault?: number;
  /** Distinct events; `republished` copies of them came again with the same messageId (at least once). */
  events: number;
  republished: number;
  seconds: number;
}

/**
 * Waits until the run settles, then holds it to ARCHITECTURE §4 — no
 * reminder lost, none sent twice — as a user and an operator would check:
 * the messages against the SMTP server's side and the events (judge), what
 * delivery's ListActivity shows, and nothing dead-lettered. Throws a compact
 * summary otherwise.
 */
export async function expectExactlyOnce(
  stack: ChaosStack,
  run: ReminderRun,
  options: ExactlyOnceOptions = {},
): Promise<RunOutcome> {
  const timeoutMs = options.timeoutMs ?? 120_000 + run.occurrences.length * 1_000;
  const settled = await settle(stack, run, timeoutMs);
  const seen = await observe(stack, run);
  await run.events.delete();
  const { violations, unknownAfterDeath } = judge(seen, (options.senderDeaths ?? 0) * stack.smtpPoolSize);
  if (!settled) violations.unshift(`did not settle within ${timeoutMs / 1000} s`);
  violations.push(...(await activityDisagreements(stack, run, seen.rows)));
  violations.push(...(await deadLetteredDuring(stack, run)));
  if (run.acceptedBeforeFault !== undefined && run.acceptedBeforeFault >= run.occurrences.length) {
    violations.push(`all ${run.acceptedBeforeFault} mails were accepted before the fault began: it met no flow`);
  }

  const outcome: RunOutcome = {
    sent: seen.rows.filter((row) => row.status === 'sent').length,
    unknown: seen.rows.filter((row) => row.status === 'unknown').length,
    unknownAfterDeath: unknownAfterDeath.length,
    accepted: seen.accepted.length,
    dropped: seen.dropped.length,
    acceptedBeforeFault: run.acceptedBeforeFault,
    events: seen.events.length,
    republished: run.events.events.filter((e) => e.tenantId === run.tenantId).length - seen.events.length,
    seconds: Math.round((Date.now() - run.startedAt) / 1000),
  };
  process.stderr.write(`chaos ${run.label}: ${run.occurrences.length} reminders, ${JSON.stringify(outcome)}\n`);
  if (violations.length > 0) throw new Error(summary(stack, run, seen.rows, outcome, violations));
  return outcome;
}

/** Polls until every occurrence's message reached an end (with its event), then waits for quiet. */
async function settle(stack: ChaosStack, run: ReminderRun, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  let last = '';
  let quietSince = Date.now();
  while (Date.now() < until) {
    await run.events.drain();
    const statuses = await stack
      .sql<{ status: string; count: number }>(
        `select status, count(*)::int as count from delivery.messages where tenant_id = $1 group by status`,
        [run.tenantId],
      )
      .catch(() => []);
    const count = (ends: string[]) => statuses.filter((s) => ends.includes(s.status)).reduce((n, s) => n + s.count, 0);
    const state = JSON.stringify([statuses, run.accepted().length, run.dropped().length, run.events.events.length]);
    if (state !== last) [last, quietSince] = [state, Date.now()];
    // Failed and dead-lettered are ends too (and violations): no point waiting them out.
    const ended = count(['sent', 'unknown', 'failed', 'dead_lettered']) === run.occurrences.length;
    const done = ended && run.events.distinct(run.tenantId).length >= count(['sent', 'unknown']);
    if (done && Date.now() - quietSince >= QUIET_MS) return true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return false;
}

async function observe(stack: ChaosStack, run: ReminderRun): Promise<Observation> {
  await run.events.drain();
  const rows = await stack.sql<MessageRow>(
    `select occurrence_id, customer_id, status, message_id, attempts, smtp_response
     from delivery.messages where tenant_id = $1 order by customer_id`,
    [run.tenantId],
  );
  return {
    queued: run.occurrences.map((o) => o.id),
    rows,
    accepted: run.accepted(),
    dropped: run.dropped(),
    events: run.events.distinct(run.tenantId),
  };
}

/** Jobs of the reminder flow given up on during the run. */
async function deadLetteredDuring(stack: ChaosStack, run: ReminderRun): Promise<string[]> {
  const now = await stack.deadLettered().catch((error: Error) => error);
  if (now instanceof Error) return [`the dead-letter queues could not be read: ${now.message}`];
  return Object.entries(now)
    .filter(([queue, count]) => count > (run.deadLetteredBefore[queue] ?? 0))
    .map(([queue, count]) => `${count - (run.deadLetteredBefore[queue] ?? 0)} job(s) dead-lettered in ${queue}`);
}

function summary(
  stack: ChaosStack,
  run: ReminderRun,
  rows: MessageRow[],
  outcome: RunOutcome,
  violations: string[],
): string {
  const statuses: Record<string, number> = {};
  for (const row of rows) statuses[row.status] = (statuses[row.status] ?? 0) + 1;
  return [
    `${run.label}: ${violations.length} violation(s) of "nothing lost, nothing sent twice"`,
    ...violations.slice(0, 20).map((v) => `  - ${v}`),
    ...(violations.length > 20 ? [`  ... and ${violations.length - 20} more`] : []),
    `${run.occurrences.length} reminders queued; messages ${JSON.stringify(statuses)}; ${JSON.stringify(outcome)}`,
    `smtp events (last 20): ${stack.smtp.events.slice(-20).join(' | ')}`,
    ...SERVICES.map((name) => `--- ${name} (last lines)\n${stack.outputTail(name)}`),
  ].join('\n');
}
