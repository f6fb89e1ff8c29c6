import { intrinsicSize, isAllowedAttribute, MAX_USES, readSvg } from './svg';

describe('isAllowedAttribute', () => {
  it.each([
    ['d', 'M0 0L10 10Z'],
    ['fill', '#ff0000'],
    ['fill', 'url(#gradient)'],
    ['fill', "url( '#gradient' )"],
    ['clip-path', 'url(#clip)'],
    ['href', '#logo'],
    ['xlink:href', '#logo'],
    ['xmlns:xlink', 'http://www.w3.org/1999/xlink'],
    ['style', 'fill:#000;stroke-width:2'],
    ['style', 'fill:url(#gradient)'],
    ['viewBox', '0 0 10 10'],
  ])('keeps %s="%s"', (name, value) => {
    expect(isAllowedAttribute(name, value)).toBe(true);
  });

  it.each([
    ['onload', 'alert(1)'],
    ['onerror', ''],
    ['href', 'https://evil.example/'],
    ['href', 'logo.svg#a'],
    ['xlink:href', 'data:image/png;base64,AAAA'],
    ['src', '#a'],
    ['xmlns:xlink', 'https://evil.example/ns'],
    ['xmlns', 'http://www.w3.org/2000/svg'],
    ['xml:base', 'https://evil.example/'],
    ['filter', 'url(#f)'],
    ['fill', 'url(https://evil.example/)'],
    ['fill', 'URL(//evil.example/)'],
    ['fill', 'url(data:image/svg+xml,x)'],
    ['stroke', 'url(#ok) url(https://evil.example/)'],
    ['class', 'java\nscript:alert(1)'],
    ['id', 'vbscript:x'],
    ['font-family', 'u\\72 l(x)'],
    ['style', 'width: Expression(alert(1))'],
    ['style', '@import "https://evil.example/x.css"'],
    ['style', 'fill:url(https://evil.example/)'],
    ['style', '-moz-binding:url(#x)'],
    ['style', 'behavior : url(#x)'],
    ['style', 'fill:red/* */'],
  ])('drops %s="%s"', (name, value) => {
    expect(isAllowedAttribute(name, value)).toBe(false);
  });
});

describe('intrinsicSize', () => {
  const size = (attributes: Record<string, string>) =>
    intrinsicSize(Object.fromEntries(Object.entries(attributes).map(([name, value]) => [`@_${name}`, value])));

  it.each([
    [{ width: '120', height: '40' }, 120, 40],
    [{ width: '120px', height: '40.4px', viewBox: '0 0 1 1' }, 120, 40],
    [{ width: '1in', height: '72pt' }, 96, 96],
    [{ width: '2.54cm', height: '25.4mm' }, 96, 96],
    [{ width: '1e2', height: '.5e2' }, 100, 50],
    [{ viewBox: '0 0 300 100' }, 300, 100],
    [{ viewBox: '-5,-5, 30,10' }, 30, 10],
    [{ width: '60', viewBox: '0 0 300 100' }, 60, 20],
    [{ height: '50', viewBox: '0 0 300 100' }, 150, 50],
    [{ width: '100%', height: '100%', viewBox: '0 0 30 10' }, 30, 10],
    [{ width: '10em', height: '5em' }, 0, 0],
    [{ width: '40' }, 40, 0],
    [{ viewBox: '0 0 -1 10' }, 0, 0],
    [{ viewBox: 'nonsense' }, 0, 0],
    [{}, 0, 0],
  ])('reads %p as %i×%i', (attributes, width, height) => {
    expect(size(attributes)).toEqual({ width, height });
  });
});

describe('readSvg and <use>', () => {
  const svg = (uses: number) =>
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">' +
        '<defs><g id="a"><rect width="1" height="1"/></g></defs>' +
        '<use href="#a"/>'.repeat(uses) +
        '</svg>',
    );

  it('keeps a logo that repeats a shape a few times', () => {
    const reading = readSvg(svg(MAX_USES));
    expect(reading.ok).toBe(true);
  });

  it('refuses one that repeats shapes more than that, a way to stall every render', () => {
    const reading = readSvg(svg(MAX_USES + 1));
    expect(reading).toEqual({
      ok: false,
      reason: `repeats shapes with <use> ${MAX_USES + 1} times; at most ${MAX_USES}`,
    });
  });
});
