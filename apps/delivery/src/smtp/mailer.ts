import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

export interface Outgoing {
  messageId: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  html: string;
  text: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
  headers: Record<string, string>;
}

export type SmtpOutcome =
  | { kind: 'accepted'; response: string }
  | { kind: 'deferred'; response: string }
  | { kind: 'rejected'; response: string }
  | { kind: 'unknown'; response: string };

/** Failures that happen before the server could have taken the message. */
const BEFORE_DATA = new Set(['ECONNECTION', 'EDNS', 'EAUTH', 'ETLS', 'EENVELOPE']);

/** A pooled SMTP transport that reports the server's verdict instead of throwing. */
export class Mailer {
  private readonly transport: Transporter<SMTPPool.SentMessageInfo>;

  constructor(
    url: string,
    poolSize: number,
    private readonly from: string,
  ) {
    this.transport = createTransport({ url, pool: true, maxConnections: poolSize } as SMTPPool.Options);
  }

  async send(mail: Outgoing): Promise<SmtpOutcome> {
    try {
      const info = await this.transport.sendMail({ from: this.from, ...mail });
      return { kind: 'accepted', response: info.response };
    } catch (error) {
      const { responseCode, response, message, code } = error as SmtpError;
      const said = response ?? message;
      // 5xx is the server's final word; 4xx and a failure before DATA are worth
      // retrying. A connection lost mid-transfer leaves the outcome unknown:
      // resending blindly could deliver twice (ARCHITECTURE §4).
      if (responseCode !== undefined) return { kind: responseCode >= 500 ? 'rejected' : 'deferred', response: said };
      if (code !== undefined && BEFORE_DATA.has(code)) return { kind: 'deferred', response: said };
      return { kind: 'unknown', response: said };
    }
  }

  isIdle(): boolean {
    return this.transport.isIdle();
  }

  close(): void {
    this.transport.close();
  }
}

interface SmtpError {
  responseCode?: number;
  response?: string;
  message: string;
  code?: string;
}
