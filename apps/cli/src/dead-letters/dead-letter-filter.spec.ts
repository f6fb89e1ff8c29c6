import { deadLetterFilter, replayRequest } from './dead-letter-filter';

describe('dead-letter filters', () => {
  it('narrow by what was given', () => {
    expect(deadLetterFilter({ queue: 'renderer.render-jobs', id: ['a', 'b'], after: '2026-05-01T00:00:00Z' })).toEqual({
      queue: 'renderer.render-jobs',
      reasonContains: '',
      tenantId: '',
      deadBefore: undefined,
      deadAfter: { seconds: String(Date.parse('2026-05-01T00:00:00Z') / 1000), nanos: 0 },
      ids: ['a', 'b'],
    });
  });

  it('a replay names its letters or says --all, and carries a note', () => {
    expect(() => replayRequest({ limit: 100, note: 'ops' })).toThrow('say which letters to replay');
    expect(() => replayRequest({ queue: 'q', limit: 100 })).toThrow('--note: say who replays and why');
    expect(replayRequest({ all: true, limit: 10, note: 'customer restored' })).toMatchObject({
      all: true,
      limit: 10,
      note: 'customer restored',
    });
    expect(replayRequest({ reason: 'not found', limit: 5, note: 'n' })).toMatchObject({
      all: false,
      filter: { reasonContains: 'not found' },
    });
  });
});
