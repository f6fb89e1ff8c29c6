import type { Log } from '@chasqui/observability';
import { readFileSync } from 'node:fs';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { readInboundAddress, type InboundDomains } from '../../addresses/mail-addresses';
import type { ReceiveInboundUseCase } from './receive-inbound.usecase';

export interface InboundSmtpSettings {
  port: number;
  host: string;
  maxBytes: number;
  domains: InboundDomains;
  /** PEM files; with both, STARTTLS is offered. */
  tls?: { keyFile: string; certFile: string };
  /** The name the server greets with. */
  hostname: string;
}

const MAX_RECIPIENTS = 20;
/** Connections at once: each may hold up to the size limit in memory while its message is stored. */
const MAX_CLIENTS = 50;

/** An SMTP answer: smtp-server sends `responseCode` and the message. */
function answer(code: number, text: string): Error & { responseCode: number } {
  return Object.assign(new Error(text), { responseCode: code });
}

/**
 * The inbound port (§7): takes mail for the bounce and reply domains only —
 * never a relay —, refuses what is too large with 552 before reading it, and
 * answers 250 only once the raw message is stored; 451 when it could not be.
 */
export class InboundSmtpServer {
  private readonly server: SMTPServer;

  constructor(
    private readonly settings: InboundSmtpSettings,
    private readonly receive: ReceiveInboundUseCase,
    private readonly log: Log,
  ) {
    const { tls } = settings;
    this.server = new SMTPServer({
      name: settings.hostname,
      banner: 'Chasqui inbound',
      size: settings.maxBytes,
      maxClients: MAX_CLIENTS,
      authOptional: true,
      disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
      ...(tls ? { key: readFileSync(tls.keyFile), cert: readFileSync(tls.certFile) } : {}),
      logger: false,
      // Bounces come from the null sender: MAIL FROM:<> is always welcome.
      onRcptTo: (address, session, callback) => callback(this.checkRecipient(address.address, session)),
      onData: (stream, session, callback) => {
        this.take(stream, session).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      },
    });
    this.server.on('error', (error) => this.log.warn('inbound SMTP', { error: error.message }));
  }

  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(this.settings.port, this.settings.host, () => resolve());
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private checkRecipient(address: string, session: SMTPServerSession): Error | undefined {
    if (session.envelope.rcptTo.length >= MAX_RECIPIENTS) return answer(452, '4.5.3 Too many recipients');
    const read = readInboundAddress(address, this.settings.domains);
    if ('refused' in read) return answer(550, `5.7.1 Relaying denied: ${read.refused}`);
    return undefined;
  }

  private async take(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    // Past the limit the rest is read and dropped, never held: a client that did not declare SIZE cannot fill memory.
    for await (const chunk of stream) if (!stream.sizeExceeded) chunks.push(chunk as Buffer);
    if (stream.sizeExceeded) {
      throw answer(552, `5.3.4 Message too big: the limit is ${this.settings.maxBytes} bytes`);
    }
    const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    try {
      await this.receive.execute({
        mailFrom,
        rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        remoteAddress: session.remoteAddress,
        raw: Buffer.concat(chunks),
        receivedAt: new Date(),
      });
    } catch (error) {
      this.log.error('inbound email could not be stored', {
        error: error instanceof Error ? error.message : String(error),
      });
      throw answer(451, '4.3.0 Could not store the message now; try again later');
    }
  }
}
