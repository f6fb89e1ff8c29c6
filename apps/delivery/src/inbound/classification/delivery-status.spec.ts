import { readDeliveryStatus, recipientAddress } from './delivery-status';

describe('readDeliveryStatus (RFC 3464 per-recipient fields)', () => {
  it('reads each recipient group, joining folded lines and dropping the "rfc822;" type and angle brackets', () => {
    const report = [
      'Reporting-MTA: dns; mx.example.org',
      'Arrival-Date: Thu, 29 Apr 2010 23:34:45 +0900',
      '',
      'Final-Recipient: rfc822; <Kijitora@Example.JP>',
      'Original-Recipient: rfc822;kijitora@example.jp',
      'Action: failed',
      'Status: 5.1.1 (permanent failure)',
      'Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does',
      "    not exist. Please try double-checking the recipient's email",
      '    address for typos',
      '',
      'Final-Recipient: RFC822; neko@example.org',
      'Action: delayed',
      'Status: 4.4.7',
      '',
    ].join('\r\n');

    expect(readDeliveryStatus(report)).toEqual([
      {
        recipient: 'kijitora@example.jp',
        action: 'failed',
        status: '5.1.1',
        diagnosticType: 'smtp',
        diagnostic:
          "550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos",
      },
      { recipient: 'neko@example.org', action: 'delayed', status: '4.4.7', diagnosticType: '', diagnostic: '' },
    ]);
  });

  it('splits recipients written without the empty line between them', () => {
    const report =
      'Final-Recipient: rfc822; a@example.org\nAction: failed\nFinal-Recipient: rfc822; b@example.org\nAction: failed';
    expect(readDeliveryStatus(report).map((fields) => fields.recipient)).toEqual(['a@example.org', 'b@example.org']);
  });

  it('falls back to the Original-Recipient when the final one is no mailbox (an LMTP destination)', () => {
    const report = [
      'Original-recipient: rfc822;kijitora@example.net',
      'Final-recipient: rfc822;@smtp.example.net:kijitora@server',
      'Action: failed',
      'Status: 5.2.0 (LMTP transmission failure has occurred)',
      ' (mx. -- Server LMTP [Sun ONE Messaging Server 6.1])',
      'Diagnostic-code: smtp;522 5.2.0 Delivery failed: Over quota',
    ].join('\n');
    expect(readDeliveryStatus(report)).toEqual([
      expect.objectContaining({
        recipient: 'kijitora@example.net',
        status: '5.2.0',
        diagnostic: '522 5.2.0 Delivery failed: Over quota',
      }),
    ]);
  });

  it('finds the report inside a notice, ignoring the notice and the quoted headers', () => {
    const text = [
      'Delivery has failed to these recipients or groups:',
      'Subject: Invoice 42',
      '',
      'Action: failed',
      'Final-Recipient: rfc822; kijitora@example.jp',
      'Diagnostic-Code: 550 5.1.1 <kijitora@example.jp>... User Unknown',
      'Status:',
      '',
      'To: someone@example.com',
    ].join('\n');
    expect(readDeliveryStatus(text)).toEqual([
      {
        recipient: 'kijitora@example.jp',
        action: 'failed',
        status: null,
        diagnosticType: '',
        diagnostic: '550 5.1.1 <kijitora@example.jp>... User Unknown',
      },
    ]);
  });

  it('reads a recipient field value whatever its spelling', () => {
    expect(recipientAddress('<someuser@somedomain.com>')).toBe('someuser@somedomain.com');
    expect(recipientAddress('RFC822; <u@ci.com>')).toBe('u@ci.com');
    expect(recipientAddress('rfc822;@stov1.fibertel.com.ar:andressaravia@ims_daemon')).toBeNull();
  });
});
