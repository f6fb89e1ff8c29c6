import { supersedes, type OutcomeReport } from './delivery-outcome';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 10, minute));
const report = (outcome: OutcomeReport['outcome'], minute = 5): OutcomeReport => ({
  outcome,
  reason: '',
  at: at(minute),
});

describe('an occurrence outcome only moves forward', () => {
  it('takes the first report', () => {
    expect(supersedes(report('dead_lettered'), { outcome: null, at: null })).toBe(true);
  });

  it('a replayed dead letter that was sent says sent, and a late copy of the death does not undo it', () => {
    expect(supersedes(report('sent'), { outcome: 'dead_lettered', at: at(1) })).toBe(true);
    expect(supersedes(report('dead_lettered', 9), { outcome: 'sent', at: at(5) })).toBe(false);
  });

  it('an unknown outcome settled as sent says sent', () => {
    expect(supersedes(report('sent'), { outcome: 'unknown', at: at(1) })).toBe(true);
    expect(supersedes(report('unknown'), { outcome: 'sent', at: at(1) })).toBe(false);
  });

  it('a newer death replaces an older one; a redelivered report changes nothing', () => {
    expect(supersedes(report('dead_lettered', 9), { outcome: 'dead_lettered', at: at(5) })).toBe(true);
    expect(supersedes(report('dead_lettered', 5), { outcome: 'dead_lettered', at: at(5) })).toBe(false);
    expect(supersedes(report('sent', 7), { outcome: 'sent', at: at(5) })).toBe(false);
  });

  it('a refusal (5xx) or a suppression ends it unsent; only a send after a replay outranks them', () => {
    expect(supersedes(report('failed'), { outcome: 'dead_lettered', at: at(1) })).toBe(true);
    expect(supersedes(report('suppressed'), { outcome: null, at: null })).toBe(true);
    expect(supersedes(report('dead_lettered', 9), { outcome: 'suppressed', at: at(5) })).toBe(false);
    expect(supersedes(report('sent', 9), { outcome: 'failed', at: at(5) })).toBe(true);
  });
});
