import { type FailureReport, isHardBounce } from './bounce-severity';

const failed = (status: string | null, diagnostic: string, more: Partial<FailureReport> = {}): FailureReport => ({
  action: 'failed',
  status,
  diagnostic,
  ...more,
});

describe('isHardBounce: hard only when the address itself will not work', () => {
  it.each([
    [
      'an unknown user refused at RCPT TO',
      failed('5.1.1', '550 5.1.1 <a@b.jp>: Recipient address rejected: User unknown'),
    ],
    ['a bad-mailbox status with nothing said', failed('5.1.1', '')],
    [
      'a domain that does not resolve',
      failed('5.4.4', 'Host or domain name not found. Name service error for name=b.jp type=A'),
    ],
    ['a mailbox that moved', failed('5.1.6', '550 5.1.6 recipient no longer on server: a@b.jp')],
    ['a directory lookup', failed(null, 'User some.name (a@b.jp) not listed in Domino Directory')],
    [
      '"no such user" in answer to RCPT TO',
      failed('5.0.0', '550 RCPT TO:<a@b.jp> User unknown (in reply to RCPT TO command)'),
    ],
    [
      '"invalid recipient" with 553, the mailbox-name reply',
      failed('5.7.1', '553 Invalid recipient a@b.jp (Mode: normal)'),
    ],
    [
      '"user unknown" for a disabled mailbox refused at RCPT TO',
      failed('5.2.1', 'after RCPT TO:<a@b.jp>: 550 5.2.1 User Unknown'),
    ],
  ])('hard: %s', (_, report) => {
    expect(isHardBounce(report)).toBe(true);
  });

  it.each([
    ['a full mailbox', failed('5.2.2', '550 5.2.2 <a@b.jp>... Mailbox Full')],
    ['spam', failed('5.7.1', '550 5.7.1 Message content rejected, UBE, id=00000-22-225')],
    ['a policy refusal', failed('5.7.9', '554 5.7.9 Message not accepted for policy reasons')],
    ['a relay refusal that names the recipient', failed('5.7.1', '554 5.7.1 <a@b.jp>: Relay access denied')],
    [
      "the sender's domain that does not exist",
      failed('5.1.8', '553 5.1.8 Domain of sender address x@y.jp does not exist'),
    ],
    ['a blocklist answering 553', failed('5.1.3', '553 http://www.spamhaus.org/query/bl?ip=192.0.2.222')],
    ['a delivery that timed out', failed('5.4.7', 'retry timeout exceeded')],
    ['"unknown user" with nothing to corroborate it (filters say it too)', failed('5.0.0', '550 Unknown user a@b.jp')],
    ['"user unknown" after the message was sent', failed('5.0.0', 'after end of data: 550 User unknown')],
    ['a disabled mailbox', failed('5.2.1', '550 5.2.1 <a@b.jp>... User Unknown')],
    ['a temporary failure', failed('4.1.1', '450 4.1.1 <a@b.jp>: Recipient address rejected: User unknown')],
    ['a local delivery program that failed', failed('5.1.1', 'procmail: No such user', { diagnosticType: 'x-unix' })],
    ['a delay warning, whatever it says', { action: 'delayed', status: '5.1.1', diagnostic: 'User unknown' } as const],
    ['a delivery report', { action: 'delivered', status: '2.1.5', diagnostic: '250 2.1.5 Ok' } as const],
  ])('soft: %s', (_, report) => {
    expect(isHardBounce(report)).toBe(false);
  });
});
