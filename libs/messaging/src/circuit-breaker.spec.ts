import { CircuitBreaker, DEFAULT_BREAKER_TIMINGS } from './circuit-breaker';

describe('a circuit breaker for the SMTP server', () => {
  let clock = 0;
  let changes: boolean[] = [];
  const breaker = () =>
    new CircuitBreaker(
      DEFAULT_BREAKER_TIMINGS,
      (open) => changes.push(open),
      () => clock,
    );
  beforeEach(() => {
    clock = 1_000_000;
    changes = [];
  });

  it('lets everything through while the server answers', () => {
    const b = breaker();
    expect(b.admit()).toEqual({ verdict: 'go' });
    b.success();
    expect(b.admit()).toEqual({ verdict: 'go' });
    expect(changes).toEqual([]);
  });

  it('opens on the first outage and holds deliveries for the cool-down', () => {
    const b = breaker();
    b.failure();
    expect(changes).toEqual([true]);
    expect(b.admit()).toEqual({ verdict: 'wait', ms: 1_000 });
  });

  it('lets one probe through after the cool-down, the others keep waiting', () => {
    const b = breaker();
    b.failure();
    clock += 1_000;
    expect(b.admit()).toEqual({ verdict: 'go' });
    expect(b.admit().verdict).toBe('wait');
  });

  it('closes when the probe gets through', () => {
    const b = breaker();
    b.failure();
    clock += 1_000;
    b.admit();
    b.success();
    expect(changes).toEqual([true, false]);
    expect(b.admit()).toEqual({ verdict: 'go' });
  });

  it('waits twice as long after each failed probe, up to the ceiling', () => {
    const b = breaker();
    b.failure();
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      clock += 60_000;
      b.admit();
      b.failure();
      waits.push((b.admit() as { ms: number }).ms);
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(changes).toEqual([true]);
  });

  it('starts from the first cool-down again after recovering', () => {
    const b = breaker();
    b.failure();
    clock += 1_000;
    b.admit();
    b.failure();
    clock += 2_000;
    b.admit();
    b.success();
    b.failure();
    expect(b.admit()).toEqual({ verdict: 'wait', ms: 1_000 });
  });

  it('lets another probe go when one failed for an unrelated reason', () => {
    const b = breaker();
    b.failure();
    clock += 1_000;
    b.admit();
    b.inconclusive();
    expect(b.admit()).toEqual({ verdict: 'go' });
  });
});

describe('deliveries already in flight when the server went down', () => {
  it('do not lengthen the cool-down', () => {
    let clock = 0;
    const b = new CircuitBreaker(
      DEFAULT_BREAKER_TIMINGS,
      () => undefined,
      () => clock,
    );
    for (let i = 0; i < 16; i++) b.failure();
    expect(b.admit()).toEqual({ verdict: 'wait', ms: 1_000 });
  });
});
