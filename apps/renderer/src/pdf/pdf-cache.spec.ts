import { PdfCache } from './pdf-cache';

describe('PdfCache', () => {
  const printer = () => {
    const printed: string[] = [];
    const print = (html: string) => {
      printed.push(html);
      return Promise.resolve(Buffer.from(`pdf of ${html}`));
    };
    return { printed, print };
  };

  it('prints an HTML once and serves the same PDF after', async () => {
    const { printed, print } = printer();
    const cache = new PdfCache(print);
    const first = await cache.pdf('<p>a</p>');
    const second = await cache.pdf('<p>a</p>');
    expect(second).toBe(first);
    expect(printed).toEqual(['<p>a</p>']);
  });

  it('prints a changed HTML anew', async () => {
    const { printed, print } = printer();
    const cache = new PdfCache(print);
    await cache.pdf('<p>a</p>');
    await cache.pdf('<p>b</p>');
    expect(printed).toEqual(['<p>a</p>', '<p>b</p>']);
  });

  it('shares one print between renders of the same HTML at once', async () => {
    const { printed, print } = printer();
    const cache = new PdfCache(print);
    const [a, b] = await Promise.all([cache.pdf('x'), cache.pdf('x')]);
    expect(a).toBe(b);
    expect(printed).toEqual(['x']);
  });

  it('keeps nothing from a failed print: the next render prints again', async () => {
    let calls = 0;
    const cache = new PdfCache(() =>
      ++calls === 1 ? Promise.reject(new Error('crashed')) : Promise.resolve(Buffer.from('ok')),
    );
    await expect(cache.pdf('x')).rejects.toThrow('crashed');
    await expect(cache.pdf('x')).resolves.toEqual(Buffer.from('ok'));
    expect(calls).toBe(2);
  });

  it('forgets the least recently used PDFs past its size', async () => {
    const { printed, print } = printer();
    const cache = new PdfCache(print, { maxBytes: 2 * 'pdf of a'.length });
    await cache.pdf('a');
    await cache.pdf('b');
    await cache.pdf('a'); // a is now the most recent
    await cache.pdf('c'); // b goes
    await cache.pdf('a');
    await cache.pdf('b');
    expect(printed).toEqual(['a', 'b', 'c', 'b']);
  });
});
