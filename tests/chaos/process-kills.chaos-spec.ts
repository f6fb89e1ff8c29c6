import { CHAOS_SIZE, midRun, scenarioTimeoutMs } from './support/chaos-size';
import { ChaosStack } from './support/chaos-stack';
import { expectExactlyOnce } from './support/exactly-once';
import { queueReminders } from './support/reminders';

/**
 * ARCHITECTURE §4 when processes die: SIGKILL (no shutdown hook, nothing
 * drained) of any service at any instant, and a deploy's rolling SIGTERM.
 */
describe(`${CHAOS_SIZE} reminders per run while the services' processes die`, () => {
  const stack = new ChaosStack();

  beforeAll(() => stack.start(), 300_000);
  afterAll(() => stack.stop(), 120_000);

  it(
    'delivery SIGKILLed with send jobs queued and in flight: each reminder still reaches the server once',
    async () => {
      const run = await queueReminders(stack, 'delivery-kill', CHAOS_SIZE);
      await run.acceptedAtLeast(midRun());

      await stack.kill('delivery');

      const outcome = await expectExactlyOnce(stack, run, { senderDeaths: 1 });
      expect(outcome.sent + outcome.unknown).toBe(CHAOS_SIZE);
    },
    scenarioTimeoutMs(),
  );

  it(
    'each service SIGKILLed in turn (renderer, receivables, delivery, scheduler) and started again',
    async () => {
      const run = await queueReminders(stack, 'kill-each', CHAOS_SIZE);
      await run.acceptedAtLeast(midRun());
      // Each killed as soon as the one before is back. The renderer first: its restart (Chromium) stalls
      // the flow, so receivables and delivery die while work still needs them; the scheduler, whose part
      // after the cycle is following outcomes, last.
      const acceptedAtKill: number[] = [];
      for (const name of ['renderer', 'receivables', 'delivery', 'scheduler'] as const) {
        acceptedAtKill.push(run.accepted().length);
        await stack.kill(name);
      }

      const outcome = await expectExactlyOnce(stack, run, { senderDeaths: 1 });
      expect(outcome.sent + outcome.unknown).toBe(CHAOS_SIZE);
      // The kills that hold the flow landed in it: the renderer's, then receivables' while rendering waits
      // for it. Delivery's may find the rest already sent (sending outpaces rendering); its death mid-flow
      // is the first scenario's.
      expect(Math.max(...acceptedAtKill.slice(0, 2))).toBeLessThan(CHAOS_SIZE);
    },
    scenarioTimeoutMs(),
  );

  it(
    'a rolling restart (SIGTERM to each service in turn, each started again before the next)',
    async () => {
      const run = await queueReminders(stack, 'rolling-sigterm', CHAOS_SIZE);
      await run.acceptedAtLeast(midRun());

      await stack.rollingRestart();

      // A clean shutdown drains or hands back what it holds: nothing is left unknown.
      const outcome = await expectExactlyOnce(stack, run);
      expect(outcome).toMatchObject({ sent: CHAOS_SIZE, unknown: 0 });
    },
    scenarioTimeoutMs(),
  );
});
