import SMTPConnection from 'nodemailer/lib/smtp-connection';

/** What the server answered: the code of the command that ended the transaction, and its words. */
export interface SmtpAnswer {
  accepted: boolean;
  /** Whether the session ran over TLS (STARTTLS). */
  secure: boolean;
  code: number;
  response: string;
}

/**
 * Hands one raw message to an SMTP server as a real client does (EHLO, MAIL,
 * RCPT, DATA), so whatever it answers — 250, 550 at RCPT, 552 for the size —
 * comes back as data, not an exception.
 */
export async function sendRaw(
  port: number,
  envelope: { from: string; to: string[] },
  raw: Buffer | string,
  options: { requireTLS?: boolean; host?: string } = {},
): Promise<SmtpAnswer> {
  const { requireTLS = false, host = '127.0.0.1' } = options;
  const connection = new SMTPConnection({
    host,
    port,
    secure: false,
    ignoreTLS: !requireTLS,
    requireTLS,
    // A test's own self-signed certificate.
    tls: { rejectUnauthorized: false },
    socketTimeout: 30_000,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      connection.once('error', reject);
      connection.connect(() => resolve());
    });
    return await new Promise<SmtpAnswer>((resolve) => {
      connection.send({ from: envelope.from, to: envelope.to }, raw, (error, info) => {
        if (error) {
          const failure = error as Error & { responseCode?: number; response?: string };
          resolve({
            accepted: false,
            secure: connection.secure,
            code: failure.responseCode ?? 0,
            response: failure.response ?? failure.message,
          });
        } else {
          resolve({ accepted: true, secure: connection.secure, code: 250, response: info.response });
        }
      });
    });
  } finally {
    connection.quit();
  }
}
