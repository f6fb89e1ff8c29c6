import { iso, money, pages, plain, timestamp } from './output';

describe('money', () => {
  it("shows minor units in the currency's own decimals", () => {
    expect(money('125050', 'MXN')).toBe('MXN 1,250.50');
    expect(money('5', 'USD')).toBe('USD 0.05');
    expect(money('1500000', 'CLP')).toBe('CLP 1,500,000');
    expect(money('-2500', 'MXN')).toBe('MXN -25.00');
    expect(money('123456789012345678901', 'MXN')).toBe('MXN 1,234,567,890,123,456,789.01');
  });
});

describe('plain', () => {
  it('turns Timestamps into ISO instants and bytes into base64, leaving the rest', () => {
    const at = timestamp(new Date('2026-05-02T18:00:00.250Z'));
    expect(plain({ id: 'x', decidedAt: at, list: [{ at }], content: new Uint8Array([1, 2]), n: '5' })).toEqual({
      id: 'x',
      decidedAt: '2026-05-02T18:00:00.250Z',
      list: [{ at: '2026-05-02T18:00:00.250Z' }],
      content: 'AQI=',
      n: '5',
    });
    expect(iso(undefined)).toBe('');
  });
});

describe('pages', () => {
  it('follows the page tokens up to the limit', async () => {
    const all = Array.from({ length: 7 }, (_, i) => i);
    const asked: [number, string][] = [];
    const fetch = async (pageSize: number, token: string) => {
      asked.push([pageSize, token]);
      const start = token ? Number(token) : 0;
      const items = all.slice(start, start + Math.min(pageSize, 3));
      const next = start + items.length < all.length ? String(start + items.length) : '';
      return { items, next };
    };
    expect(await pages(100, fetch)).toEqual(all);
    expect(asked).toEqual([
      [100, ''],
      [97, '3'],
      [94, '6'],
    ]);
    expect(await pages(4, fetch)).toEqual([0, 1, 2, 3]);
  });
});
