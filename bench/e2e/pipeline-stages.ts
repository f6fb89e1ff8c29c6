import type { Client } from 'pg';

/** How far one stage of the pipeline has got: items done, and when its first and last were done. */
export interface StageProgress {
  name: string;
  done: number;
  /** Milliseconds from the cycle's start to the stage's first item and to its `target`-th. */
  firstMs?: number;
  lastMs?: number;
}

/** A stage of the pipeline and the SQL count (or counter) that says how many items it has done. */
export interface Stage {
  name: string;
  count: () => Promise<number>;
}

/**
 * The stages a reminder passes, from a cycle to SMTP acceptance, each counted
 * where its service records it: the scheduler's queued occurrences, the render
 * jobs leaving its outbox, the renderer's renditions, delivery's messages sent
 * (the SMTP server answered 250 to the final dot), and the sink's own count.
 */
export function reminderStages(sql: Client, sinkAccepted: () => number): Stage[] {
  const count = async (query: string) => Number((await sql.query<{ n: string }>(query)).rows[0].n);
  return [
    {
      name: 'decided and stored (scheduler)',
      count: () => count(`select count(*) as n from scheduler.occurrences where status = 'queued'`),
    },
    {
      name: 'render jobs published (scheduler outbox)',
      // One statement, one snapshot: an occurrence and its job's outbox row commit together.
      count: () =>
        count(`select (select count(*) from scheduler.occurrences where status = 'queued')
                    - (select count(*) from scheduler.outbox where routing_key = 'render') as n`),
    },
    { name: 'rendered with PDF (renderer)', count: () => count(`select count(*) as n from renderer.renditions`) },
    {
      name: 'sent: 250 to the final dot (delivery)',
      count: () => count(`select count(*) as n from delivery.messages where status = 'sent'`),
    },
    { name: 'accepted (smtp-sink)', count: async () => sinkAccepted() },
  ];
}

/**
 * Polls every stage until the last has done `target` items (or `timeoutMs`
 * passes), noting when each did its first and its last; `startedAt` is the
 * cycle's start (process.hrtime.bigint()).
 */
export async function follow(
  stages: Stage[],
  target: number,
  startedAt: bigint,
  timeoutMs: number,
  onTick: (progress: StageProgress[]) => void = () => undefined,
): Promise<StageProgress[]> {
  const progress: StageProgress[] = stages.map((stage) => ({ name: stage.name, done: 0 }));
  const elapsed = () => Number(process.hrtime.bigint() - startedAt) / 1e6;
  for (;;) {
    const counts: number[] = [];
    // One after another: the counts share one connection.
    for (const stage of stages) counts.push(await stage.count());
    const now = elapsed();
    counts.forEach((done, i) => {
      const p = progress[i];
      p.done = done;
      if (done > 0 && p.firstMs === undefined) p.firstMs = now;
      if (done >= target && p.lastMs === undefined) p.lastMs = now;
    });
    onTick(progress);
    if (progress.every((p) => p.lastMs !== undefined)) return progress;
    if (now > timeoutMs) {
      throw new Error(
        `timed out after ${Math.round(now / 1000)} s: ${progress.map((p) => `${p.name} ${p.done}`).join(', ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Each stage's own rate — its items over the time from its first to its last
 * — and the bottleneck: the slowest stage, which sets the pace of all after it.
 */
export function rates(progress: StageProgress[], target: number): { name: string; perSecond: number }[] {
  return progress.map((p) => {
    const span = (p.lastMs ?? 0) - (p.firstMs ?? 0);
    // All in one poll (a cycle storing its decisions within a quarter second): faster than can be told.
    return { name: p.name, perSecond: span > 0 ? target / (span / 1000) : Infinity };
  });
}
