import { attemptOf, nextStep, transientStep } from './retry-policy';

describe('retry tier selection for renderer.render-jobs with three tiers', () => {
  const queue = 'renderer.render-jobs';

  it('sends the first failure to tier 0, to be seen again as attempt 1', () => {
    expect(nextStep(queue, [30000, 300000, 3600000], 0)).toEqual({
      kind: 'retry',
      queue: 'renderer.render-jobs.retry.30000ms',
      attempt: 1,
    });
  });

  it('sends the third failure to the last tier', () => {
    expect(nextStep(queue, [30000, 300000, 3600000], 2)).toEqual({
      kind: 'retry',
      queue: 'renderer.render-jobs.retry.3600000ms',
      attempt: 3,
    });
  });

  it('dead-letters the failure after the last tier', () => {
    expect(nextStep(queue, [30000, 300000, 3600000], 3)).toEqual({
      kind: 'dead',
      queue: 'renderer.render-jobs.dead',
      attempt: 4,
    });
  });

  it('dead-letters at once when there are no tiers', () => {
    expect(nextStep(queue, [], 0)).toEqual({ kind: 'dead', queue: 'renderer.render-jobs.dead', attempt: 1 });
  });

  it('dead-letters a replayed message whose x-attempt is already past the tiers', () => {
    expect(nextStep(queue, [30000, 300000, 3600000], 7).kind).toBe('dead');
  });
});

describe('reading x-attempt', () => {
  it.each([
    [undefined, 0],
    [2, 2],
    ['3', 3],
    [-1, 0],
    [1.5, 0],
    ['garbage', 0],
  ])('reads %p as %p', (header, attempt) => {
    expect(attemptOf(header)).toBe(attempt);
  });
});

describe('waiting out a transient failure of delivery.send-jobs', () => {
  const queue = 'delivery.send-jobs';
  const tiers = [30000, 300000, 3600000];

  it('waits longer each time, then keeps waiting the longest', () => {
    expect([0, 1, 2, 3, 9].map((n) => transientStep(queue, tiers, n).queue)).toEqual([
      'delivery.send-jobs.retry.30000ms',
      'delivery.send-jobs.retry.300000ms',
      'delivery.send-jobs.retry.3600000ms',
      'delivery.send-jobs.retry.3600000ms',
      'delivery.send-jobs.retry.3600000ms',
    ]);
  });

  it('counts its own attempts', () => {
    expect(transientStep(queue, tiers, 4)).toMatchObject({ kind: 'retry', attempt: 5 });
  });
});
