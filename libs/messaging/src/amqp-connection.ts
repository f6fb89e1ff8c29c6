import type { Log } from '@chasqui/observability';
import { connect, type AmqpConnectionManager, type ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel } from 'amqplib';

/** Pause before rebuilding channels after the broker closed one, so a persistent fault cannot spin. */
const RECOVERY_DELAY_MS = 5_000;

/** One AMQP connection per process; amqp-connection-manager reconnects it and re-runs channel setups. */
export class AmqpConnection {
  private readonly manager: AmqpConnectionManager;
  private closed = false;
  private recovery?: NodeJS.Timeout;

  constructor(
    url: string,
    private readonly log: Log,
    private readonly name: string,
  ) {
    this.manager = connect([url], { connectionOptions: { clientProperties: { connection_name: name } } });
    this.manager.on('connect', () => log.info('amqp connected', { connection: name }));
    this.manager.on('disconnect', ({ err }) =>
      log.warn('amqp disconnected; reconnecting', { connection: name, error: err?.message }),
    );
    this.manager.on('connectFailed', ({ err }) =>
      log.warn('amqp connect failed; retrying', { connection: name, error: err?.message }),
    );
  }

  isConnected(): boolean {
    return this.manager.isConnected();
  }

  /**
   * A confirm channel whose `setup` runs on every (re)connect. For OutboxRelay
   * and Consumer; not part of the apps' surface.
   */
  createChannel(name: string, setup?: (channel: ConfirmChannel) => Promise<void>): ChannelWrapper {
    const channel = this.manager.createChannel({
      name,
      confirm: true,
      setup: async (raw: ConfirmChannel) => {
        raw.on('error', (error: Error) => this.recover(name, error.message));
        if (setup) await setup(raw);
      },
    });
    channel.on('error', (error: Error) =>
      this.log.error('amqp channel setup failed', { connection: this.name, channel: name, error: error.message }),
    );
    return channel;
  }

  /**
   * amqp-connection-manager rebuilds channels only on a new connection, so a
   * channel the broker closed (a deleted queue, a refused argument) would stay
   * dead while isConnected() still says yes. Reconnect, after a pause.
   */
  recover(channel: string, reason: string): void {
    this.log.error('amqp channel lost; reconnecting to rebuild it', { connection: this.name, channel, reason });
    if (this.closed || this.recovery) return;
    this.recovery = setTimeout(() => {
      this.recovery = undefined;
      if (!this.closed) this.manager.reconnect();
    }, RECOVERY_DELAY_MS);
    this.recovery.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.recovery);
    await this.manager.close();
  }
}
