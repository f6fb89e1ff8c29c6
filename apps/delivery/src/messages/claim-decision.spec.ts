import { decideClaim } from './claim-decision';

const now = new Date('2026-12-02T12:00:00Z');
const earlier = new Date('2026-12-02T11:59:00Z');
const later = new Date('2026-12-02T12:01:00Z');

describe('what a send job does with the message it finds', () => {
  it.each([
    ['no message yet', undefined, 'send'],
    ['deferred by a 4xx', { status: 'deferred', leaseUntil: null, finalDotAt: null }, 'send'],
    ['dead-lettered, then replayed', { status: 'dead_lettered', leaseUntil: null, finalDotAt: null }, 'send'],
    ['sent', { status: 'sent', leaseUntil: null, finalDotAt: null }, 'done'],
    ['failed with a 5xx', { status: 'failed', leaseUntil: null, finalDotAt: null }, 'done'],
    ['unknown, awaiting an operator', { status: 'unknown', leaseUntil: null, finalDotAt: null }, 'done'],
    ['on a connection of a live process', { status: 'sending', leaseUntil: later, finalDotAt: null }, 'busy'],
    ['past its final dot on a live process', { status: 'sending', leaseUntil: later, finalDotAt: earlier }, 'busy'],
    [
      'claimed by a process that died before the dot',
      { status: 'sending', leaseUntil: earlier, finalDotAt: null },
      'send',
    ],
    [
      'claimed by a process that died after the dot',
      { status: 'sending', leaseUntil: earlier, finalDotAt: earlier },
      'unknown',
    ],
  ] as const)('%s → %s', (_case, message, decision) => {
    expect(decideClaim(message, now)).toBe(decision);
  });
});
