import { enhancedStatusIn, replyCodeIn } from './smtp-codes';

describe('SMTP codes in a server reply', () => {
  it.each([
    ['550 5.1.1 <a@example.org>... User Unknown', '5.1.1'],
    ['Sorry, no mailbox here by that name. (#5.1.1)', '5.1.1'],
    ['ERROR_CODE :550, ERROR_CODE :5.2.2 <a@example.org>... Mailbox Full', '5.2.2'],
    ['550 5.7.606 Access denied, banned sending IP', '5.7.606'],
    ['host mx.example.jp [192.0.2.153]: 550 Unknown user', null],
    ['by mx (version 4.8.5.36) with esmtp', null],
  ])('the enhanced status of %j is %j', (text, status) => {
    expect(enhancedStatusIn(text)).toBe(status);
  });

  it.each([
    ['host aspmx.l.google.com[108.177.97.26] said: 550-5.1.1 The email account', '550'],
    ['Remote host said: 501 5.0.0 Invalid domain name', '501'],
    ['connect to example.com[93.184.216.119]:25: Connection timed out', null],
    ['Customer Support at 000-000-4401.', null],
  ])('the reply code of %j is %j', (text, code) => {
    expect(replyCodeIn(text)).toBe(code);
  });
});
