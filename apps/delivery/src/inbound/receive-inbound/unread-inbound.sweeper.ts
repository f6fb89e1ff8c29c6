import type { Log } from '@chasqui/observability';
import type { InboundRepository } from '../inbound.repository';
import type { ReadInboundUseCase } from '../read-inbound/read-inbound.usecase';

const EVERY_MS = 30_000;
/** An email this long `received` was left by a reading that died. */
const LEFT_AFTER_MS = 60_000;

/** Reads again what a crash (or a database blink) left unread after it was stored. */
export class UnreadInboundSweeper {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly inbound: InboundRepository,
    private readonly readInbound: ReadInboundUseCase,
    private readonly log: Log,
  ) {}

  async start(): Promise<void> {
    this.timer = setInterval(() => {
      this.running ??= this.sweep().finally(() => (this.running = undefined));
    }, EVERY_MS);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async sweep(): Promise<void> {
    const failed = (error: unknown) =>
      this.log.warn('reading an unread inbound email', {
        error: error instanceof Error ? error.message : String(error),
      });
    try {
      // One at a time, each on its own: an email that fails to settle does not hold back the rest.
      for (const id of await this.inbound.unread(new Date(Date.now() - LEFT_AFTER_MS), 100)) {
        await this.readInbound.execute(id).catch(failed);
      }
    } catch (error) {
      failed(error);
    }
  }
}
