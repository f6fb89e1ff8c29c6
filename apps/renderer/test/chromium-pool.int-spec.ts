import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import {
  ChromiumPool,
  PdfPoolNotRunningError,
  PdfRenderTimeoutError,
  type ChromiumPoolOptions,
} from '../src/pdf/chromium-pool';
import { PdfMetrics } from '../src/pdf/pdf-metrics';
import { waitFor } from '@chasqui/testing';
import { CHROMIUM } from './chromium-path';
import { browserPids, isRunning, rendererPids } from './chromium-processes';
import { pdfInfo, pdfText } from './pdf-text';
import { doc, longDoc } from './print-documents';

jest.setTimeout(60_000);

describe('ChromiumPool with real Chromium', () => {
  let pool: ChromiumPool | undefined;

  async function started(options: Partial<ChromiumPoolOptions> = {}): Promise<ChromiumPool> {
    pool = new ChromiumPool({ executablePath: CHROMIUM, pages: 2, ...options });
    await pool.start();
    return pool;
  }

  afterEach(async () => {
    await pool?.stop();
    pool = undefined;
  });

  it('renders HTML to an A4 PDF carrying the page text', async () => {
    const pool = await started();
    expect(pool.isReady()).toBe(true);

    const pdf = await pool.renderPdf(doc('MARKER-7F3A'));

    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdf)).toContain('MARKER-7F3A');
    expect(pdfInfo(pdf)).toEqual({ pages: 1, pageSize: expect.stringContaining('(A4)') });
  });

  it('completes every render when more arrive than there are pages, each with its own content', async () => {
    const pool = await started({ pages: 2 });
    const markers = Array.from({ length: 9 }, (_, i) => `CONCURRENT-${i}-END`);

    const pdfs = await Promise.all(markers.map((marker) => pool.renderPdf(doc(marker))));

    pdfs.forEach((pdf, i) => {
      const text = pdfText(pdf);
      expect(text).toContain(markers[i]);
      expect(markers.filter((marker) => text.includes(marker))).toHaveLength(1);
    });
    expect(pool.stats()).toMatchObject({ pagesOpened: 2, pdfsRendered: 9 }); // warm pages reused
  });

  it('shows its saturation and the time of each PDF to Prometheus', async () => {
    const registry = new Registry();
    const seconds: number[] = [];
    const metrics = new PdfMetrics(registry, () => pool!);
    const pool = await started({
      pages: 2,
      onPdfRendered: (s) => {
        seconds.push(s);
        metrics.seconds.observe(s);
      },
    });
    const scraped = async (name: string) =>
      Number(
        (await registry.metrics())
          .split('\n')
          .find((line) => line.startsWith(`${name} `))
          ?.split(' ')[1],
      );

    const renders = Array.from({ length: 5 }, (_, i) => pool.renderPdf(longDoc(`SATURATED-${i}`, 1500)));
    // Two on the pages, three waiting for one.
    expect(pool.load()).toEqual({ busy: 2, waiting: 3 });
    expect(await scraped('renderer_pdf_pages_busy')).toBe(2);
    expect(await scraped('renderer_pdf_renders_waiting')).toBe(3);
    await Promise.all(renders);

    expect(pool.load()).toEqual({ busy: 0, waiting: 0 });
    expect(seconds).toHaveLength(5);
    expect(Math.min(...seconds)).toBeGreaterThan(0);
    expect(await scraped('renderer_pdf_seconds_count')).toBe(5);
    expect(await scraped('renderer_pdf_renders_waiting')).toBe(0);
  });

  it('lets the document fetch nothing and run no script; data: URLs still work', async () => {
    const hits: string[] = [];
    let connections = 0;
    const server: Server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('p::after { content: "FETCHED-FROM-NETWORK" }');
    }).on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const pool = await started();
      const pdf = await pool.renderPdf(`<!DOCTYPE html><html><head>
        <link rel="preconnect" href="${origin}"><link rel="dns-prefetch" href="//tenant-tracker.example">
        <link rel="stylesheet" href="${origin}/style.css">
        <link rel="stylesheet" href="data:text/css,h2::after{content:'FROM-DATA-URL'}">
        </head><body>
        <img src="${origin}/logo.png"><iframe src="${origin}/frame"></iframe>
        <h2>STYLED-BY-</h2><p id="p">SCRIPT-DID-NOT-RUN</p>
        <script>document.getElementById('p').textContent = 'SCRIPT-RAN'; fetch('${origin}/beacon');</script>
        </body></html>`);

      const text = pdfText(pdf);
      expect(text).toContain('STYLED-BY-FROM-DATA-URL');
      expect(text).toContain('SCRIPT-DID-NOT-RUN');
      expect(text).not.toContain('FETCHED-FROM-NETWORK');
      expect(hits).toEqual([]);
      expect(connections).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('replaces a page after rendersPerPage renders', async () => {
    const pool = await started({ pages: 1, rendersPerPage: 2 });

    for (let i = 0; i < 5; i++) expect(pdfText(await pool.renderPdf(doc(`RECYCLE-${i}`)))).toContain(`RECYCLE-${i}`);

    expect(pool.stats()).toMatchObject({ pagesOpened: 3, pdfsRendered: 5 }); // renders 1–2, 3–4, 5
  });

  it('finishes the render in flight when the browser is killed, on a new browser', async () => {
    const events: string[] = [];
    const pool = await started({ onBrowserRestart: () => events.push('restart') });
    const [first] = browserPids();
    expect(browserPids()).toHaveLength(1);

    const inFlight = pool.renderPdf(doc('IN-FLIGHT')).then((pdf) => (events.push('rendered'), pdf));
    process.kill(first!, 'SIGKILL');

    expect(pdfText(await inFlight)).toContain('IN-FLIGHT');
    expect(events).toEqual(['restart', 'rendered']);
    expect(pdfText(await pool.renderPdf(doc('NEXT-ONE')))).toContain('NEXT-ONE');
    const now = browserPids();
    expect(now).toHaveLength(1);
    expect(now).not.toContain(first);
    expect(pool.isReady()).toBe(true);
  });

  it('relaunches once however many renders the dead browser took with it, and loses none', async () => {
    const onBrowserRestart = jest.fn();
    const pool = await started({ pages: 2, onBrowserRestart });
    const [first] = browserPids();

    const renders = [0, 1, 2, 3, 4].map((i) => pool.renderPdf(doc(`LOST-NONE-${i}`)));
    process.kill(first!, 'SIGKILL');
    const pdfs = await Promise.all(renders);

    pdfs.forEach((pdf, i) => expect(pdfText(pdf)).toContain(`LOST-NONE-${i}`));
    expect(onBrowserRestart).toHaveBeenCalledTimes(1);
    expect(pool.stats().browserLaunches).toBe(2);
    expect(browserPids()).toHaveLength(1);
  });

  it('brings an idle pool back to ready after its browser is killed, without waiting for work', async () => {
    const onBrowserRestart = jest.fn();
    const pool = await started({ onBrowserRestart });
    const [first] = browserPids();

    process.kill(first!, 'SIGKILL');
    await waitFor(() => onBrowserRestart.mock.calls.length === 1, 'the browser is relaunched', 15_000);

    expect(pool.isReady()).toBe(true);
    expect(isRunning(first!)).toBe(false);
    expect(browserPids()).toHaveLength(1);
    expect(pdfText(await pool.renderPdf(doc('AFTER-IDLE-KILL')))).toContain('AFTER-IDLE-KILL');
  });

  it('replaces a crashed page and retries its render, keeping the browser', async () => {
    const onBrowserRestart = jest.fn();
    const pool = await started({ pages: 1, onBrowserRestart });
    const [browser] = browserPids();
    const renderers = rendererPids(browser!);
    expect(renderers.length).toBeGreaterThan(0);

    const inFlight = pool.renderPdf(doc('AFTER-PAGE-CRASH'));
    renderers.forEach((pid) => process.kill(pid, 'SIGKILL'));

    expect(pdfText(await inFlight)).toContain('AFTER-PAGE-CRASH');
    expect(pool.stats()).toMatchObject({ pagesOpened: 2, browserLaunches: 1 });
    expect(onBrowserRestart).not.toHaveBeenCalled();
    expect(browserPids()).toEqual([browser]);
  });

  it('fails a render that overruns renderTimeoutMs, without a retry, and keeps serving', async () => {
    // The first render's deadline has passed as soon as it is set (no real clock: a loaded machine changes nothing).
    let expired = true;
    const watchdog: ChromiumPoolOptions['watchdog'] = (onTimeout) => {
      if (expired) queueMicrotask(onTimeout);
      expired = false;
      return () => undefined;
    };
    const pool = await started({ pages: 1, watchdog });

    await expect(pool.renderPdf(longDoc('NEVER-PRINTED', 3_000))).rejects.toBeInstanceOf(PdfRenderTimeoutError);

    expect(pdfText(await pool.renderPdf(doc('AFTER-TIMEOUT')))).toContain('AFTER-TIMEOUT');
    // One page replaced (the one closed on timeout), not two: a render that overran is not run again.
    expect(pool.stats()).toMatchObject({ pdfsRendered: 1, pagesOpened: 2, browserLaunches: 1 });
  });

  it('stop() lets the renders in flight and queued finish, then closes Chromium and refuses more', async () => {
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
});
