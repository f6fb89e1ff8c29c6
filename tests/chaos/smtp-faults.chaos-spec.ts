import { CHAOS_SIZE, faultMs, midRun, scenarioTimeoutMs } from './support/chaos-size';
import { ChaosStack } from './support/chaos-stack';
import { expectExactlyOnce } from './support/exactly-once';
import { queueReminders } from './support/reminders';

/** The outage is two minutes; a CI run holds it for 20 s. */
const OUTAGE_MS = faultMs(20_000, 120_000);

/**
 * ARCHITECTURE §4 at the SMTP edge under load: a connection lost after the
 * final dot is the one outcome the system cannot know (recorded unknown,
 * never resent); a server answering 4xx holds the mail until it is back.
 */
describe(`${CHAOS_SIZE} reminders per run against a failing SMTP server`, () => {
  const stack = new ChaosStack();

  beforeAll(() => stack.start(), 300_000);
  afterEach(() => stack.healSmtp());
  afterAll(() => stack.stop(), 120_000);

  it(
    'the connection dropped after the final dot on every 10th transaction: those unknown and never resent, the rest sent once',
    async () => {
      stack.smtp.setPolicy((transaction) => (transaction % 10 === 0 ? 'drop-after-dot' : 'accept'));
      const run = await queueReminders(stack, 'drop-after-dot', CHAOS_SIZE);

      const outcome = await expectExactlyOnce(stack, run);
      expect(outcome.unknown).toBe(outcome.dropped);
      expect(outcome.unknown).toBeGreaterThanOrEqual(Math.floor(CHAOS_SIZE / 10));
      expect(outcome.sent).toBe(CHAOS_SIZE - outcome.unknown);
    },
    scenarioTimeoutMs(),
  );

  it(
    `421 for ${OUTAGE_MS / 1000} s mid-run, at MAIL FROM then at the greeting: all held, then sent once, none dead-lettered`,
    async () => {
      const run = await queueReminders(stack, 'smtp-421', CHAOS_SIZE);
      await run.acceptedAtLeast(midRun());
      const eventsBefore = stack.smtp.events.length;

      // Refused on the pooled connections (the claimed message is deferred, the connection closed), then any new
      // connection is refused at its greeting (the SMTP breaker holds the send jobs).
      stack.smtp.outage('mail-421', OUTAGE_MS / 3);
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS / 3));
      stack.smtp.outage('greet-421', (OUTAGE_MS * 2) / 3);

      const outcome = await expectExactlyOnce(stack, run, { timeoutMs: OUTAGE_MS + 120_000 + CHAOS_SIZE * 1_000 });
      expect(outcome).toMatchObject({ sent: CHAOS_SIZE, unknown: 0 });
      // The fault really met the flow: connections and transactions were refused.
      const refused = stack.smtp.events.slice(eventsBefore).filter((event) => /greet-421|mail-421/.test(event));
      expect(refused.some((event) => event.includes('greet-421'))).toBe(true);
      expect(refused.some((event) => event.includes('mail-421'))).toBe(true);
    },
    scenarioTimeoutMs(OUTAGE_MS),
  );
});
