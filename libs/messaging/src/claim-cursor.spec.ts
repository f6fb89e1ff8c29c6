import { ClaimCursor } from './claim-cursor';

describe('ClaimCursor', () => {
  let clock = 0;
  const cursor = () => new ClaimCursor(() => clock);
  beforeEach(() => (clock = 10_000));

  it('starts at the head of the outbox', () => {
    expect(cursor().next()).toBe(0);
  });

  it('moves past what full batches claimed, never back because a lane finished late', () => {
    const c = cursor();
    c.next();
    c.claimed(500, true);
    c.claimed(1500, true);
    c.claimed(1000, true);
    expect(c.next()).toBe(1500);
  });

  it('goes back to the head after a short batch: rows committed late may sit behind it', () => {
    const c = cursor();
    c.next();
    c.claimed(500, true);
    c.claimed(730, false);
    expect(c.next()).toBe(0);
  });

  it('goes back to the head at least every second, even while every batch is full', () => {
    const c = cursor();
    c.next();
    c.claimed(500, true);
    clock += 999;
    expect(c.next()).toBe(500);
    clock += 1;
    expect(c.next()).toBe(0);
  });

  it('goes back to the head when told (a failed batch, jobs held back)', () => {
    const c = cursor();
    c.next();
    c.claimed(500, true);
    c.rewind();
    expect(c.next()).toBe(0);
  });
});
