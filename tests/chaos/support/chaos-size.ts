/**
 * Reminders per scenario. Small by default so the chaos project fits in CI
 * beside the other tests; a developer sets e.g. CHAOS_SIZE=200 for the full run.
 */
export const CHAOS_SIZE = sizeFrom(process.env.CHAOS_SIZE, 20);

/** At CHAOS_SIZE ≥ 100 the faults last as long as the issue says (two minutes); less in CI. */
export const FULL_SIZE = CHAOS_SIZE >= 100;

/** How long a sustained fault lasts: `smallMs` at a small size, `fullMs` at the full one. */
export function faultMs(smallMs: number, fullMs: number): number {
  return FULL_SIZE ? fullMs : smallMs;
}

/** Accepted mails to wait for before a fault, so it lands mid-flow: a sixth of the run, at least two. */
export function midRun(): number {
  return Math.max(2, Math.floor(CHAOS_SIZE / 6));
}

/** A scenario's jest timeout: setup, the flow at a slow pace, and the fault itself. */
export function scenarioTimeoutMs(faultDurationMs = 0): number {
  return 150_000 + CHAOS_SIZE * 2_500 + faultDurationMs;
}

function sizeFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1) throw new Error(`CHAOS_SIZE must be a positive integer, not "${value}"`);
  return size;
}
