import DKIM from 'nodemailer/lib/dkim';
import MailComposer from 'nodemailer/lib/mail-composer';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import { FinalDotGate } from './final-dot-gate';
import { failureOutcome, type SmtpOutcome } from './smtp-outcome';
import { SmtpPool, type PooledConnection } from './smtp-pool';

export interface Outgoing {
  from: { name: string; address: string };
  /** MAIL FROM: where bounces go (VERP). */
  envelopeFrom: string;
  replyTo: { name: string; address: string };
  messageId: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  html: string;
  text: string;
  /** With a contentId: an image the HTML shows by cid: (sent inline, multipart/related). */
  attachments: { filename: string; contentType: string; content: Buffer; contentId?: string }[];
  headers: Record<string, string>;
  /** Sign with this key (DKIM-Signature over From, Reply-To, List-Unsubscribe and the rest). */
  dkim: { domainName: string; keySelector: string; privateKey: string } | null;
}

/** What DKIM signs: the identity and the unsubscribe headers (a receiver trusts them only if signed). */
const SIGNED_HEADERS = [
  'From',
  'Sender',
  'Reply-To',
  'Subject',
  'Date',
  'Message-ID',
  'To',
  'Cc',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
].join(':');

/** A connection in hand: one transaction on it, then release it. */
export interface SmtpLease {
  /**
   * Sends `mail`, calling `beforeFinalDot` when everything but the final dot
   * is on the wire. If it rejects, the dot is never sent and the connection is
   * dropped: the server discards the message (outcome `deferred`).
   */
  send(mail: Outgoing, beforeFinalDot: () => Promise<void>): Promise<SmtpOutcome>;
  release(): void;
}

/**
 * SMTP over a pool of nodemailer connections, with the transaction in our
 * hands: nodemailer's pooled transport queues messages inside itself and
 * cannot tell a connection lost before the final dot (safe to resend) from
 * one lost after it (the server may have the message).
 */
export class Mailer {
  private readonly pool: SmtpPool;

  constructor(url: string, poolSize: number, timeoutMs: number) {
    this.pool = new SmtpPool(url, poolSize, timeoutMs);
  }

  /** Waits for a free connection, opening one if needed; throws SmtpConnectFailed when the server cannot be reached. */
  async lease(): Promise<SmtpLease> {
    const pooled = await this.pool.lease();
    let reusable = false;
    let released = false;
    return {
      send: async (mail, beforeFinalDot) => {
        const outcome = await transact(pooled, this.compose(mail), beforeFinalDot);
        reusable = outcome.kind === 'accepted';
        return outcome;
      },
      release: () => {
        if (released) return;
        released = true;
        this.pool.release(pooled, reusable);
      },
    };
  }

  isIdle(): boolean {
    return this.pool.isIdle();
  }

  close(): void {
    this.pool.close();
  }

  private compose(mail: Outgoing): ReturnType<MailComposer['compile']> {
    const { envelopeFrom, dkim, attachments, ...fields } = mail;
    const compiled = new MailComposer({
      ...fields,
      // nodemailer's `cid` puts an image in multipart/related, where the HTML's cid: finds it.
      attachments: attachments.map(({ contentId, ...attachment }) => ({ ...attachment, cid: contentId })),
      envelope: { from: envelopeFrom, to: [...mail.to, ...mail.cc, ...mail.bcc] },
    }).compile();
    if (dkim) {
      const signer = new DKIM({ ...dkim, headerFieldNames: SIGNED_HEADERS });
      compiled.processFunc((input) => signer.sign(input));
    }
    return compiled;
  }
}

function transact(
  { connection }: PooledConnection,
  message: ReturnType<MailComposer['compile']>,
  beforeFinalDot: () => Promise<void>,
): Promise<SmtpOutcome> {
  let settled = false;
  const gate = new FinalDotGate(beforeFinalDot, () => !settled);
  return new Promise((resolve) => {
    const settle = (outcome: SmtpOutcome): void => {
      if (settled) return;
      settled = true;
      connection.off('error', onError);
      connection.off('end', onEnd);
      // Anything but a clean 250 leaves the session mid-transaction: never reuse it, nor the message stream.
      if (outcome.kind !== 'accepted') {
        connection.close();
        gate.destroy();
      }
      resolve(outcome);
    };
    // A dropped connection reaches us as 'error' or 'end', not through send's callback.
    const onError = (error: SMTPConnection.SMTPError): void => settle(failureOutcome(error, gate.released));
    const onEnd = (): void =>
      settle(failureOutcome({ message: 'connection closed by the server', code: 'ECONNECTION' }, gate.released));
    connection.once('error', onError);
    connection.once('end', onEnd);
    gate.once('error', () => connection.close());
    const stream = message.createReadStream();
    stream.once('error', (error) => gate.destroy(error));
    connection.send(message.getEnvelope(), stream.pipe(gate), (error, info) => {
      if (error) return settle(failureOutcome(error, gate.released));
      settle({ kind: 'accepted', response: info.response, rejected: info.rejected.map(String) });
    });
  });
}
