/** Emails that come back to a sender, written as the outside world writes them, for tests of the inbound port. */

/** A standard DSN (RFC 3464) for `messageId`, as a recipient's MTA writes one. */
export function dsnFor(o: { to: string; recipient: string; status: string; diagnostic: string; messageId: string }) {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.cliente.example>',
    `To: ${o.to}`,
    'Subject: Undelivered Mail Returned to Sender',
    'Date: Wed, 02 Dec 2026 10:00:00 -0600',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'I am sorry to inform you that your message could not be delivered.',
    '',
    '--b1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.cliente.example',
    '',
    `Final-Recipient: rfc822; ${o.recipient}`,
    `Action: failed`,
    `Status: ${o.status}`,
    `Diagnostic-Code: smtp; ${o.diagnostic}`,
    '',
    '--b1',
    'Content-Type: text/rfc822-headers',
    '',
    `Message-ID: ${o.messageId}`,
    'Subject: Recordatorio: factura F-1 vencida',
    '',
    '--b1--',
    '',
  ].join('\r\n');
}

/** A person's answer, quoting the reminder below. */
export function replyTo(o: {
  from: string;
  to: string;
  inReplyTo: string;
  text: string;
  subject?: string;
  extra?: string[];
}) {
  return [
    `From: ${o.from}`,
    `To: ${o.to}`,
    `Subject: ${o.subject ?? 'Re: Recordatorio: factura F-1 vencida'}`,
    `In-Reply-To: ${o.inReplyTo}`,
    `Message-ID: <${Math.random().toString(36).slice(2)}@cliente.example>`,
    'Date: Wed, 02 Dec 2026 11:00:00 -0600',
    ...(o.extra ?? []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    o.text,
    '',
    'El mié, 2 dic 2026 a las 9:00, Ferretería La Paloma <cobranza@chasqui.local> escribió:',
    '> Estimado cliente, su factura F-1 venció hace 5 días.',
    '',
  ].join('\r\n');
}
