import { readBounceWording } from './bounce-wording';

const none = new Set<string>();

describe('readBounceWording: the recipients an MTA names in its own words', () => {
  it('reads each recipient of an Exim notice with the reply quoted under it', () => {
    const notice = [
      'A message that you sent could not be delivered to one or more of its',
      'recipients. This is a permanent error. The following address(es) failed:',
      '',
      '  kijitora@example.jp',
      '    SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>:',
      '    host mx.example.jp [192.0.2.153]: 550 5.1.1 <kijitora@example.jp>... User Unknown',
      '  sabatora@example.jp',
      '    SMTP error from remote mail server after MAIL FROM:<shironeko@example.org> SIZE=1543:',
      '    host mx.example.jp [192.0.2.153]: 552 5.2.2 Mailbox full',
    ].join('\n');
    expect(readBounceWording(notice, none)).toEqual([
      expect.objectContaining({
        address: 'kijitora@example.jp',
        diagnostic: '550 5.1.1 <kijitora@example.jp>... User Unknown',
      }),
      expect.objectContaining({ address: 'sabatora@example.jp', diagnostic: '552 5.2.2 Mailbox full' }),
    ]);
  });

  it('leaves out the sender, aliases and the addresses known not to be recipients', () => {
    const notice = [
      'The original message was received at Thu, 29 Apr 2010 23:34:45 +0900',
      'from shironeko@example.jp',
      '',
      '<pseudo-local-part@wanadoo.fr>:',
      '    (generated from noraneko@example.com)',
      '    550 5.2.0 Mail rejected.',
      '',
      'Hello me@example.com,',
    ].join('\n');
    const recipients = readBounceWording(notice, new Set(['me@example.com'])).map((failure) => failure.address);
    expect(recipients).toEqual(['pseudo-local-part@wanadoo.fr']);
  });

  it('takes the explanation that follows a bare address (Gmail) or comes before the list (MailMarshal)', () => {
    const gmail = [
      'Delivery to the following recipient failed permanently:',
      '',
      '     userunknown@example.jp',
      '',
      'The error that the other server returned was:',
      '550 5.1.1 <userunknown@example.jp>... User Unknown',
    ].join('\n');
    const marshal = [
      'Could not be delivered because of',
      '',
      '550 5.1.1 User unknown',
      '',
      'The following recipients were affected:',
      '    kijitora@example.com',
    ].join('\n');
    expect(readBounceWording(gmail, none)[0].diagnostic).toBe('550 5.1.1 <userunknown@example.jp>... User Unknown');
    expect(readBounceWording(marshal, none)[0].context).toContain('550 5.1.1 User unknown');
  });
});
