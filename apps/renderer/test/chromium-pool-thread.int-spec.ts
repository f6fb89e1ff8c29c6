// The thread runs compiled JavaScript (a worker cannot load the TypeScript sources), so this spec
// takes the class, and the errors it hands back, from the renderer's build, as the service runs them.
import { ChromiumPoolThread, type ChromiumPoolThreadOptions } from '../dist/pdf/chromium-pool-thread';
import { PdfPoolNotRunningError, PdfRenderTimeoutError } from '../dist/pdf/pdf.errors';
import { waitFor } from '@chasqui/testing';
import { CHROMIUM } from './chromium-path';
import { browserPids, isRunning } from './chromium-processes';
import { pdfText } from './pdf-text';
import { doc, longDoc } from './print-documents';

jest.setTimeout(60_000);

describe('ChromiumPoolThread: the pool on a thread of its own, with real Chromium', () => {
  let pool: ChromiumPoolThread | undefined;

  async function started(options: Partial<ChromiumPoolThreadOptions> = {}): Promise<ChromiumPoolThread> {
    pool = new ChromiumPoolThread({ executablePath: CHROMIUM, pages: 2, ...options });
    await pool.start();
    return pool;
  }

  afterEach(async () => {
    await pool?.stop();
    pool = undefined;
  });

  it('prints every render with its own content, more at once than there are pages, and reports each PDF', async () => {
    const seconds: number[] = [];
    const pool = await started({ pages: 2, onPdfRendered: (s) => seconds.push(s) });
    expect(pool.isReady()).toBe(true);
    const markers = Array.from({ length: 7 }, (_, i) => `THREADED-${i}-END`);

    const renders = markers.map((marker) => pool.renderPdf(doc(marker)));
    expect(pool.load()).toEqual({ busy: 2, waiting: 5 });
    const pdfs = await Promise.all(renders);

    pdfs.forEach((pdf, i) => {
      expect(Buffer.isBuffer(pdf)).toBe(true);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf);
      expect(markers.filter((marker) => text.includes(marker))).toEqual([markers[i]]);
    });
    expect(pool.load()).toEqual({ busy: 0, waiting: 0 });
    expect(pool.stats()).toEqual({ browserLaunches: 1, pagesOpened: 2, pdfsRendered: 7 });
    expect(seconds).toHaveLength(7);
  });

  it('loses no render when Chromium is killed under a batch, and says the browser was replaced', async () => {
    const onBrowserRestart = jest.fn();
    const pool = await started({ pages: 2, onBrowserRestart });
    const [first] = browserPids();
    expect(first).toBeDefined();

    const renders = [0, 1, 2, 3, 4].map((i) => pool.renderPdf(doc(`THREAD-KILL-${i}`)));
    process.kill(first!, 'SIGKILL');
    const pdfs = await Promise.all(renders);

    pdfs.forEach((pdf, i) => expect(pdfText(pdf)).toContain(`THREAD-KILL-${i}`));
    await waitFor(() => onBrowserRestart.mock.calls.length === 1, 'the restart is reported', 15_000);
    expect(pool.stats().browserLaunches).toBe(2);
    expect(isRunning(first!)).toBe(false);
    expect(pool.isReady()).toBe(true);
  });

  it('hands a render that overran its bound back as PdfRenderTimeoutError (the job is held, not dropped)', async () => {
    // A bound of 1 ms: no print of 3 000 rows finishes inside it, however fast the machine.
    const pool = await started({ pages: 1, renderTimeoutMs: 1 });

    await expect(pool.renderPdf(longDoc('NEVER-PRINTED', 3_000))).rejects.toBeInstanceOf(PdfRenderTimeoutError);
  });

  it('fails the renders a dead thread held as PdfPoolNotRunningError, and starts a new thread', async () => {
    const onBrowserRestart = jest.fn();
    const pool = await started({ pages: 1, onBrowserRestart });
    const [first] = browserPids();

    const held = pool.renderPdf(longDoc('HELD-BY-DEAD-THREAD', 3_000));
    // What a bug or an out-of-memory in the thread would do: the thread ends under the render.
    await pool['current']!.terminate();

    await expect(held).rejects.toBeInstanceOf(PdfPoolNotRunningError);
    await waitFor(() => pool.isReady(), 'a new thread serves', 15_000);
    expect(onBrowserRestart).toHaveBeenCalledTimes(1);
    expect(pdfText(await pool.renderPdf(doc('NEW-THREAD')))).toContain('NEW-THREAD');
    await waitFor(() => !isRunning(first!), "the dead thread's Chromium exits", 15_000);
  });

  it('stop() lets the accepted renders finish, then closes Chromium and the thread, and refuses more', async () => {
    const pool = await started({ pages: 1 });
    const [browser] = browserPids();
    const events: string[] = [];

    const slow = pool.renderPdf(longDoc('SLOW-END', 3_000)).then((pdf) => (events.push('slow'), pdf));
    const queued = pool.renderPdf(doc('QUEUED')).then((pdf) => (events.push('queued'), pdf));
    await pool.stop();
    events.push('stopped');

    expect(events).toEqual(['slow', 'queued', 'stopped']);
    expect(pdfText(await slow)).toContain('SLOW-END');
    expect(pdfText(await queued)).toContain('QUEUED');
    expect(pool.isReady()).toBe(false);
    expect(isRunning(browser!)).toBe(false);
    await expect(pool.renderPdf(doc('TOO-LATE'))).rejects.toBeInstanceOf(PdfPoolNotRunningError);
  });

  it('refuses to start with a Chromium that cannot be launched, naming why', async () => {
    const broken = new ChromiumPoolThread({ executablePath: '/nonexistent/chromium', pages: 1 });

    await expect(broken.start()).rejects.toThrow(/Chromium did not start: .*nonexistent/);
    expect(broken.isReady()).toBe(false);
  });
});
