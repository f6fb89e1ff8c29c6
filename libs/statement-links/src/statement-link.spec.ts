import { createHmac } from 'node:crypto';
import { openStatementLink, signStatementLink, statementUrl, type StatementLink } from './statement-link';

const SECRET = 'a secret both services hold';
const link: StatementLink = {
  tenantId: '2f0c4a52-1d1e-4c43-9d4e-0f7d0e6f5a11',
  customerId: '7b8e2d1c-3a4f-4e5d-8c6b-1a2b3c4d5e6f',
  asOf: '2026-11-22',
  expiresAt: 1_800_000_000,
};

describe('statement links', () => {
  it('open to the statement they were signed for, until they expire', () => {
    const token = signStatementLink(SECRET, link);
    expect(openStatementLink(SECRET, token, link.expiresAt - 1)).toEqual({ link });
    expect(openStatementLink(SECRET, token, link.expiresAt)).toEqual({ link });
    expect(openStatementLink(SECRET, token, link.expiresAt + 1)).toEqual({ refused: 'expired' });
  });

  it('are safe in a URL path', () => {
    expect(signStatementLink(SECRET, link)).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(statementUrl('https://cobranza.example.com/', 'abc.def')).toBe(
      'https://cobranza.example.com/statements/abc.def',
    );
  });

  it('refuse another secret, an altered customer, and anything that is not a token', () => {
    const token = signStatementLink(SECRET, link);
    expect(openStatementLink('another secret', token, 0)).toEqual({ refused: 'invalid' });
    const [, signature] = token.split('.');
    const forged = signStatementLink('attacker', { ...link, customerId: 'someone-else' }).split('.')[0];
    expect(openStatementLink(SECRET, `${forged}.${signature}`, 0)).toEqual({ refused: 'invalid' });
    for (const junk of ['', 'abc', 'a.b.c', '.', `${token}x`, token.replace('.', '')]) {
      expect(openStatementLink(SECRET, junk, 0)).toEqual({ refused: 'invalid' });
    }
  });

  it.each([
    ['a tenant that is not a UUID', { ...link, tenantId: 'acme' }],
    ['a customer that is not a UUID', { ...link, customerId: 'C-777' }],
    ['a date that is not a date', { ...link, asOf: 'yesterday' }],
    ['a day that does not exist', { ...link, asOf: '2026-02-30' }],
    ['a date with a time', { ...link, asOf: '2026-11-22T10:00:00Z' }],
  ])('refuse %s, even signed with the right secret', (_what, malformed) => {
    expect(openStatementLink(SECRET, signStatementLink(SECRET, malformed), 0)).toEqual({ refused: 'invalid' });
  });

  it('refuse a payload signed with the right secret that is not JSON', () => {
    const payload = Buffer.from('not json', 'utf8').toString('base64url');
    const signed = `${payload}.${createHmac('sha256', SECRET).update(payload).digest('base64url')}`;
    expect(openStatementLink(SECRET, signed, 0)).toEqual({ refused: 'invalid' });
  });
});
