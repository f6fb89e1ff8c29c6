import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server inside the test: accepts everything and keeps it parsed. */
export class SmtpSink {
  readonly messages: ParsedMail[] = [];
  /** Each message's envelope recipients (RCPT TO: bcc shows here, never in the headers), in the same order. */
  readonly envelopes: string[][] = [];
  /** Each message's envelope sender (MAIL FROM: where its bounces go), in the same order. */
  readonly senders: string[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((mail) => {
          this.messages.push(mail);
          this.envelopes.push(session.envelope.rcptTo.map((rcpt) => rcpt.address));
          this.senders.push(session.envelope.mailFrom ? session.envelope.mailFrom.address : '');
          callback();
        })
        .catch(callback);
    },
  });

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
