import { CHAOS_SIZE, faultMs, midRun, scenarioTimeoutMs } from './support/chaos-size';
import { ChaosStack } from './support/chaos-stack';
import { expectExactlyOnce } from './support/exactly-once';
import { queueReminders } from './support/reminders';

/** The receivables outage is two minutes; a CI run holds it for 20 s. */
const RECEIVABLES_DOWN_MS = faultMs(20_000, 120_000);

/**
 * ARCHITECTURE §4 when what the services stand on goes away mid-run: the
 * broker restarts, the database restarts (cleanly, or as if it crashed), a
 * service the renderer depends on is down for minutes.
 */
describe(`${CHAOS_SIZE} reminders per run while the infrastructure fails`, () => {
  const stack = new ChaosStack();

  beforeAll(() => stack.start(), 300_000);
  afterAll(() => stack.stop(), 120_000);

  it(
    'RabbitMQ restarted mid-run: every reminder sent once',
    async () => {
      const run = await queueReminders(stack, 'rabbitmq-restart', CHAOS_SIZE);
      await run.acceptedAtLeast(midRun());

      await stack.rabbitmq.restart();

      const outcome = await expectExactlyOnce(stack, run);
      expect(outcome).toMatchObject({ sent: CHAOS_SIZE, unknown: 0 });
    },
    scenarioTimeoutMs(),
  );

  it.each(['fast', 'immediate'] as const)(
    'PostgreSQL %s restart mid-run: every reminder sent once',
    async (mode) => {
      const run = await queueReminders(stack, `postgres-${mode}`, CHAOS_SIZE);
      await run.acceptedAtLeast(midRun());

      await stack.postgres.restart(mode);

      const outcome = await expectExactlyOnce(stack, run);
      expect(outcome).toMatchObject({ sent: CHAOS_SIZE, unknown: 0 });
    },
    scenarioTimeoutMs(),
  );

  it(
    `receivables down for ${RECEIVABLES_DOWN_MS / 1000} s as the render jobs start: they wait, none dead-lettered, all sent once`,
    async () => {
      const run = await queueReminders(stack, 'receivables-down', CHAOS_SIZE);
      // Down as the render jobs start: every render after this needs it (the renderer is quicker than
      // delivery, so waiting for the first acceptances could find every job rendered already).
      await stack.terminate('receivables');
      await new Promise((resolve) => setTimeout(resolve, RECEIVABLES_DOWN_MS));
      const acceptedWhileDown = run.accepted().length;
      await stack.services.receivables.start();

      const outcome = await expectExactlyOnce(stack, run);
      expect(outcome).toMatchObject({ sent: CHAOS_SIZE, unknown: 0 });
      // Reminders were still waiting for receivables when it came back: the outage held them, it did not lose them.
      expect(acceptedWhileDown).toBeLessThan(CHAOS_SIZE);
    },
    scenarioTimeoutMs(RECEIVABLES_DOWN_MS),
  );
});
