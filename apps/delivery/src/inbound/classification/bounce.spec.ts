import { simpleParser } from 'mailparser';
import { readBounce } from './bounce';
import type { InboundMail } from './classification';

async function mail(source: string, withRaw = true): Promise<InboundMail> {
  const raw = Buffer.from(source.replace(/\n/g, '\r\n'));
  const parsed = await simpleParser(raw);
  return withRaw ? Object.assign(parsed, { raw }) : parsed;
}

const report = (type: string, parts: string) => `From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
To: bounces@chasqui.example
Subject: Delivery Status Notification
MIME-Version: 1.0
Content-Type: multipart/report; report-type=${type}; boundary="b1"

${parts}`;

describe('readBounce on hand-made reports', () => {
  it('reads a delay warning as delayed, not hard, with the Message-ID of the delayed message', async () => {
    const bounce = readBounce(
      await mail(
        report(
          'delivery-status',
          `--b1
Content-Type: text/plain

Delivery to kijitora@example.jp is delayed; the server will keep trying.

--b1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org

Final-Recipient: rfc822; kijitora@example.jp
Action: delayed
Status: 4.4.7
Diagnostic-Code: smtp; 451 4.4.7 Connection timed out

--b1
Content-Type: text/rfc822-headers

Message-ID:
 <invoice-42@chasqui.example>
To: kijitora@example.jp

--b1--
`,
        ),
      ),
    );
    expect(bounce).toEqual({
      kind: 'bounce',
      recipients: [
        {
          address: 'kijitora@example.jp',
          action: 'delayed',
          status: '4.4.7',
          diagnostic: '451 4.4.7 Connection timed out',
          hard: false,
        },
      ],
      originalMessageIds: ['<invoice-42@chasqui.example>'],
    });
  });

  it('is null for abuse reports and read receipts, which are reports too', async () => {
    const arf = report(
      'feedback-report',
      '--b1\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\n\n--b1--\n',
    );
    const mdn = report(
      'disposition-notification',
      '--b1\nContent-Type: message/disposition-notification\n\nDisposition: manual-action/MDN-sent-manually; displayed\n\n--b1--\n',
    );
    expect(readBounce(await mail(arf))).toBeNull();
    expect(readBounce(await mail(mdn))).toBeNull();
  });

  it('is null for a person writing about a message that could not be delivered', async () => {
    const reply = `From: Ana <ana@example.com>
To: cobranzas@chasqui.example
Subject: Re: Undeliverable: Factura 42

Hola, my message to the accountant could not be delivered, please resend the invoice.
`;
    expect(readBounce(await mail(reply))).toBeNull();
  });

  it('reads a localized Exchange notice that names the recipient in its own words', async () => {
    const ndr = `From: postmaster@example.com.ar
To: cobranzas@chasqui.example
Subject: No se puede entregar: Factura 42
Content-Type: text/plain; charset=utf-8

No se pudo entregar a estos destinatarios o grupos:

ana@example.com.ar
Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'
`;
    expect(readBounce(await mail(ndr))?.recipients).toEqual([
      expect.objectContaining({ address: 'ana@example.com.ar', status: '5.1.1', hard: true }),
    ]);
  });

  it('reads an Amazon SES bounce notification: NoEmail is hard, a full mailbox is not', async () => {
    const notification = JSON.stringify({
      notificationType: 'Bounce',
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'NoEmail',
        bouncedRecipients: [{ emailAddress: 'ana@example.com', action: 'failed', status: '5.0.0' }],
      },
      mail: { headers: [{ name: 'Message-ID', value: '<invoice-42@chasqui.example>' }] },
    });
    const full = notification
      .replace('NoEmail', 'General')
      .replace('"status":"5.0.0"', '"status":"5.2.2","diagnosticCode":"smtp; 552 5.2.2 Mailbox full"');
    const ses = (json: string) => `From: no-reply@sns.amazonaws.com\nSubject: AWS Notification Message\n\n${json}\n`;

    expect(readBounce(await mail(ses(notification)))).toEqual({
      kind: 'bounce',
      recipients: [{ address: 'ana@example.com', action: 'failed', status: '5.0.0', diagnostic: '', hard: true }],
      originalMessageIds: ['<invoice-42@chasqui.example>'],
    });
    expect(readBounce(await mail(ses(full)))?.recipients).toEqual([
      {
        address: 'ana@example.com',
        action: 'failed',
        status: '5.2.2',
        diagnostic: '552 5.2.2 Mailbox full',
        hard: false,
      },
    ]);
  });

  it('reads a report whose MIME boundary never occurs from the raw source, and still knows it is a report without it', async () => {
    const broken = report(
      'delivery-status',
      `--another-boundary
Content-Type: message/delivery-status

Final-Recipient: rfc822; kijitora@example.jp
Action: failed
Status: 5.1.1

--another-boundary--
`,
    );
    expect(readBounce(await mail(broken))?.recipients).toEqual([
      expect.objectContaining({ address: 'kijitora@example.jp', hard: true }),
    ]);
    expect(readBounce(await mail(broken, false))).toEqual({ kind: 'bounce', recipients: [], originalMessageIds: [] });
  });
});
