import { newTraceparent } from './traceparent';

describe('newTraceparent', () => {
  it('writes a W3C traceparent, version 00, sampled', () => {
    expect(newTraceparent()).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('never repeats a trace id, across many refills of its random pool', () => {
    const ids = Array.from({ length: 2000 }, () => newTraceparent().slice(3, 35));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
