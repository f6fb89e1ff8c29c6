import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { smtpSettings } from './smtp-settings';

/** Messages one connection carries before it is renewed (as nodemailer's own pool does). */
const MESSAGES_PER_CONNECTION = 100;

export interface PooledConnection {
  readonly connection: SMTPConnection;
  messages: number;
  open: boolean;
}

/** The server could not be reached (refused, timed out, 421 at the greeting, bad credentials). */
export class SmtpConnectFailed extends Error {
  constructor(override readonly cause: SMTPConnection.SMTPError) {
    super(`SMTP connection failed: ${cause.response ?? cause.message}`);
  }
}

/**
 * At most `size` SMTP connections, each carrying one transaction at a time. A
 * caller holds a connection from lease() to release(), so whatever it does
 * in between happens with a connection already in hand — nothing waits in a
 * queue inside the transport.
 */
export class SmtpPool {
  private readonly idle: PooledConnection[] = [];
  private leased = 0;
  private readonly waiting: (() => void)[] = [];
  private closed = false;
  private readonly settings: ReturnType<typeof smtpSettings>;

  constructor(
    url: string,
    private readonly size: number,
    timeoutMs: number,
  ) {
    this.settings = smtpSettings(url, timeoutMs);
  }

  async lease(): Promise<PooledConnection> {
    while (this.leased >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.closed) throw new Error('the SMTP pool is closed');
    this.leased += 1;
    try {
      return this.takeIdle() ?? (await this.connect());
    } catch (error) {
      this.handBack();
      throw error;
    }
  }

  /** `reusable`: the transaction ended cleanly and the connection may carry the next one. */
  release(pooled: PooledConnection, reusable: boolean): void {
    pooled.messages += 1;
    if (reusable && pooled.open && !this.closed && pooled.messages < MESSAGES_PER_CONNECTION) this.idle.push(pooled);
    else this.retire(pooled);
    this.handBack();
  }

  isIdle(): boolean {
    return this.leased === 0;
  }

  close(): void {
    this.closed = true;
    for (const pooled of this.idle.splice(0)) this.retire(pooled);
    for (const wake of this.waiting.splice(0)) wake();
  }

  private handBack(): void {
    this.leased -= 1;
    this.waiting.shift()?.();
  }

  private takeIdle(): PooledConnection | undefined {
    for (;;) {
      const pooled = this.idle.pop();
      if (!pooled || pooled.open) return pooled;
    }
  }

  private connect(): Promise<PooledConnection> {
    const { credentials, ...options } = this.settings;
    const connection = new SMTPConnection(options);
    const pooled: PooledConnection = { connection, messages: 0, open: true };
    return new Promise((resolve, reject) => {
      const fail = (error: SMTPConnection.SMTPError): void => {
        connection.close();
        reject(new SmtpConnectFailed(error));
      };
      connection.once('error', fail);
      connection.once('end', () => {
        pooled.open = false;
        // Closed before it was ready and no error followed (a 421 greeting does explain itself,
        // just after the close): reject all the same, so the lease never hangs. No-op once settled.
        const closed = { name: 'Error', message: 'the server closed the connection before it was ready' };
        setTimeout(() => reject(new SmtpConnectFailed(closed)), 100).unref();
      });
      connection.connect(() => {
        noDelay(connection);
        const ready = (): void => {
          connection.off('error', fail);
          // A connection that fails while idle is dropped on its next lease; an unheard 'error' would throw.
          connection.on('error', () => (pooled.open = false));
          resolve(pooled);
        };
        if (!credentials) return ready();
        connection.login(credentials, (error) => (error ? fail(error) : ready()));
      });
    });
  }

  private retire(pooled: PooledConnection): void {
    pooled.open = false;
    if (pooled.connection.destroyed) return;
    pooled.connection.quit();
  }
}

/**
 * Nagle's algorithm holds the short final-dot write until the server acks the
 * data before it, and servers delay that ack: ~40 ms lost per message
 * (bench/delivery). nodemailer has no option for it; its socket does.
 */
function noDelay(connection: SMTPConnection): void {
  (connection as unknown as { _socket?: { setNoDelay?: (on: boolean) => void } })._socket?.setNoDelay?.(true);
}
