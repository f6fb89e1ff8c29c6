import { contrastRatio, MIN_CONTRAST, parseColour } from './colour';

describe('parseColour', () => {
  it.each([
    ['#1a2B3c', '#1a2b3c'],
    ['#ABCDEF', '#abcdef'],
    ['#fff', '#ffffff'],
    ['#F0a', '#ff00aa'],
    ['#000000', '#000000'],
  ])('reads %s as %s', (value, normalised) => {
    expect(parseColour(value)).toBe(normalised);
  });

  it.each([
    '',
    '#',
    'fff',
    '#ff',
    '#ffff',
    '#fffff',
    '#fffffff',
    '#ggg',
    'red',
    'rgb(0,0,0)',
    ' #fff',
    '#fff ',
    '#ffffff80',
  ])('refuses %p', (value) => {
    expect(parseColour(value)).toBeUndefined();
  });
});

describe('contrastRatio', () => {
  it('is 21 for black against white, either way round', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 10);
  });

  it('is 1 for a colour against itself', () => {
    expect(contrastRatio('#3366cc', '#36c')).toBeCloseTo(1, 10);
  });

  it.each([
    ['#777', '#fff', 4.48],
    ['#767676', '#ffffff', 4.54],
    ['#ff0000', '#ffffff', 4.0],
    ['#0000ff', '#ffffff', 8.59],
    ['#ffff00', '#000000', 19.56],
  ])('rates %s against %s at %f', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
  });

  it('lets a mid grey pass the large-text bar against white but not a pale one', () => {
    expect(contrastRatio('#949494', '#fff')).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrastRatio('#aaaaaa', '#fff')).toBeLessThan(MIN_CONTRAST);
  });

  it('throws on a colour it cannot read', () => {
    expect(() => contrastRatio('red', '#fff')).toThrow(RangeError);
  });
});
