import { createTransport } from 'nodemailer';
import { since } from '../support/measure';
import { REMINDER } from './mail';

/**
 * The primitive: nodemailer's own pooled transport, `pool` connections, all
 * `messages` handed to it at once (it queues them inside itself). Milliseconds
 * from the first sendMail to the last 250.
 */
export async function bareNodemailer(port: number, pool: number, messages: number, pdf: Buffer): Promise<number> {
  const transport = createTransport({
    pool: true,
    maxConnections: pool,
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
  });
  try {
    const start = process.hrtime.bigint();
    const sent = await Promise.all(
      Array.from({ length: messages }, () =>
        transport.sendMail({
          from: REMINDER.from,
          to: REMINDER.to,
          subject: REMINDER.subject,
          html: REMINDER.html,
          text: REMINDER.text,
          attachments: [{ filename: REMINDER.filename, contentType: REMINDER.contentType, content: pdf }],
        }),
      ),
    );
    const ms = since(start);
    const refused = sent.filter((info) => info.rejected.length > 0).length;
    if (refused > 0) throw new Error(`bare nodemailer: ${refused} of ${messages} messages refused by the sink`);
    return ms;
  } finally {
    transport.close();
  }
}
