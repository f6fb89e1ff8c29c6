import { openMailToken, signMailToken } from './mail-token';
import { readInboundAddress, tokenAddress } from './mail-addresses';

const SECRET = 'a-secret-of-sixteen-or-more';
const MESSAGE = '0b6f4a52-9d2c-4c8e-8f3e-4a1d2b3c4d5e';
const issued = new Date('2026-12-02T10:00:00Z');
const later = (days: number) => new Date(issued.getTime() + days * 86_400_000);

describe('mail tokens', () => {
  it('name their message, for their purpose, until they expire', () => {
    const token = signMailToken(SECRET, 'bounce', MESSAGE, issued);
    expect(token).toMatch(/^[a-z2-7]+$/);
    expect(openMailToken(SECRET, 'bounce', token, later(10), 180)).toEqual({
      messageId: MESSAGE,
      issuedOn: new Date('2026-12-02T00:00:00Z'),
    });
    expect(openMailToken(SECRET, 'bounce', token.toUpperCase(), later(10), 180)).toMatchObject({ messageId: MESSAGE });
    expect(openMailToken(SECRET, 'bounce', token, later(200), 180)).toEqual({ refused: 'expired' });
  });

  it('cannot be forged, altered, moved to another purpose or signed with another key', () => {
    const token = signMailToken(SECRET, 'reply', MESSAGE, issued);
    const flipped = token.slice(0, 5) + (token[5] === 'a' ? 'b' : 'a') + token.slice(6);
    expect(openMailToken(SECRET, 'reply', flipped, issued, 180)).toEqual({ refused: 'invalid' });
    expect(openMailToken(SECRET, 'unsubscribe', token, issued, 180)).toEqual({ refused: 'invalid' });
    expect(openMailToken('another-secret-entirely', 'reply', token, issued, 180)).toEqual({ refused: 'invalid' });
    expect(openMailToken(SECRET, 'reply', 'not-base32!', issued, 180)).toEqual({ refused: 'invalid' });
    expect(openMailToken(SECRET, 'reply', '', issued, 180)).toEqual({ refused: 'invalid' });
  });

  it('fit an address local part (64 characters at most)', () => {
    const token = signMailToken(SECRET, 'unsubscribe', MESSAGE, issued);
    const address = tokenAddress('unsubscribe', token, { bounce: 'b.example', reply: 'r.example' });
    expect(address.split('@')[0].length).toBeLessThanOrEqual(64);
  });
});

describe('inbound addresses', () => {
  const domains = { bounce: 'bounces.example.com', reply: 'replies.example.com' };

  it('reads token addresses on their own domain only', () => {
    expect(readInboundAddress('bounce+abc234@Bounces.Example.com', domains)).toEqual({
      purpose: 'bounce',
      token: 'abc234',
    });
    expect(readInboundAddress('reply+abc@replies.example.com', domains)).toEqual({ purpose: 'reply', token: 'abc' });
    expect(readInboundAddress('reply+abc@bounces.example.com', domains)).toEqual({ purpose: 'none' });
    expect(readInboundAddress('postmaster@replies.example.com', domains)).toEqual({ purpose: 'none' });
  });

  it('refuses every other domain: never a relay', () => {
    expect(readInboundAddress('someone@gmail.com', domains)).toHaveProperty('refused');
    expect(readInboundAddress('bounce+abc@bounces.example.com.evil.org', domains)).toHaveProperty('refused');
    expect(readInboundAddress('no-at-sign', domains)).toHaveProperty('refused');
  });
});
