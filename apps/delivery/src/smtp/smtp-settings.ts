import type SMTPConnection from 'nodemailer/lib/smtp-connection';

/** Connection options from SMTP_URL: smtp://[user:pass@]host[:port] (STARTTLS when offered) or smtps:// (TLS). */
export function smtpSettings(
  url: string,
  timeoutMs: number,
): SMTPConnection.Options & { credentials?: SMTPConnection.Credentials } {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    // Inactivity on an open connection, e.g. waiting for the answer to the final dot.
    socketTimeout: timeoutMs,
    credentials: parsed.username
      ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) }
      : undefined,
  };
}
