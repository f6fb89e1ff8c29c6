import { AcceptedRenders } from './accepted-renders';
import { launchBrowser, type LaunchedBrowser } from './launch-browser';
import { LeaseQueue } from './lease-queue';
import { PageLease } from './page-lease';
import { PdfPoolNotRunningError, PdfRenderTimeoutError } from './pdf.errors';

export { PdfPoolNotRunningError, PdfRenderTimeoutError };

export interface ChromiumPoolOptions {
  /** Debian's chromium-headless-shell in the image. */
  executablePath: string;
  /** Warm pages, i.e. renders at once; further calls wait for a free page. */
  pages: number;
  /** Called once a browser that disconnected (crashed, killed) has been replaced. */
  onBrowserRestart?: () => void;
  /** Called with the seconds each PDF took in Chromium. */
  onPdfRendered?: (seconds: number) => void;
  /** Renders before a page is closed and replaced. Default 200. */
  rendersPerPage?: number;
  /** Bound on one render (content + PDF); a page that takes longer is closed and the render fails. Default 60 s. */
  renderTimeoutMs?: number;
  /** Arms the bound on one render and returns its disarm; a timer by default (tests pass a clock of their own). */
  watchdog?: (onTimeout: () => void, ms: number) => () => void;
}

const timerWatchdog = (onTimeout: () => void, ms: number) => {
  const timer = setTimeout(onTimeout, ms);
  return () => clearTimeout(timer);
};

export interface ChromiumPoolStats {
  browserLaunches: number;
  pagesOpened: number;
  pdfsRendered: number;
}

/**
 * HTML to PDF in a few warm Chromium pages. A page that crashed, or a browser
 * that died, under a render is replaced and that render is tried once more, so
 * a Chromium crash costs a job a second attempt, not the job.
 */
export class ChromiumPool {
  private state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  private current?: LaunchedBrowser;
  private launching?: Promise<LaunchedBrowser>;
  private stopping?: Promise<void>;
  private readonly leases: PageLease[];
  private readonly queue: LeaseQueue<PageLease>;
  private readonly accepted = new AcceptedRenders();
  private readonly counts: ChromiumPoolStats = { browserLaunches: 0, pagesOpened: 0, pdfsRendered: 0 };
  private readonly timeoutMs: number;

  constructor(private readonly options: ChromiumPoolOptions) {
    if (!Number.isInteger(options.pages) || options.pages < 1) {
      throw new RangeError(`ChromiumPool pages must be a positive integer, got ${options.pages}`);
    }
    const perPage = options.rendersPerPage ?? 200;
    this.leases = Array.from({ length: options.pages }, () => new PageLease(perPage, () => this.counts.pagesOpened++));
    this.queue = new LeaseQueue(this.leases);
    this.timeoutMs = options.renderTimeoutMs ?? 60_000;
  }

  /** Launches the browser and opens every page, so the first jobs find them warm. */
  async start(): Promise<void> {
    if (this.state !== 'new') throw new Error(`ChromiumPool.start() while ${this.state}`);
    this.state = 'running';
    try {
      const { context } = await this.browser();
      await Promise.all(this.leases.map((lease) => lease.printerIn(context)));
    } catch (err) {
      this.state = 'new';
      await this.current?.browser.close().catch(() => undefined);
      this.current = undefined;
      throw err;
    }
  }

  isReady(): boolean {
    return this.state === 'running' && this.current?.browser.isConnected() === true;
  }

  renderPdf(html: string): Promise<Buffer> {
    if (this.state !== 'running') return Promise.reject(new PdfPoolNotRunningError(`ChromiumPool is ${this.state}`));
    return this.accepted.track(this.renderInTurn(html));
  }

  /** Refuses new renders, lets every accepted one finish (queued ones included), then closes the browser. */
  stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    return this.stopping;
  }

  stats(): ChromiumPoolStats {
    return { ...this.counts };
  }

  /** Pages rendering now, and renders waiting for a page. */
  load(): { busy: number; waiting: number } {
    return this.queue.load();
  }

  private async shutDown(): Promise<void> {
    this.state = 'stopping';
    await this.accepted.settled();
    await this.launching?.catch(() => undefined);
    this.state = 'stopped';
    await this.current?.browser.close().catch(() => undefined);
    this.current = undefined;
  }

  private async renderInTurn(html: string): Promise<Buffer> {
    const lease = await this.queue.acquire();
    try {
      return await this.renderOn(lease, html);
    } catch (err) {
      const pageDied = lease.broken() && !(err instanceof PdfRenderTimeoutError);
      await lease.discard();
      if (!pageDied) throw err;
      return await this.renderOn(lease, html);
    } finally {
      this.queue.release(lease);
    }
  }

  private async renderOn(lease: PageLease, html: string): Promise<Buffer> {
    const { context } = await this.browser();
    const printer = await lease.printerIn(context);
    let timedOut = false;
    const disarm = (this.options.watchdog ?? timerWatchdog)(() => {
      timedOut = true;
      void printer.close().catch(() => undefined);
    }, this.timeoutMs);
    const started = performance.now();
    try {
      const pdf = await printer.print(html);
      lease.rendered();
      this.counts.pdfsRendered++;
      this.options.onPdfRendered?.((performance.now() - started) / 1000);
      return pdf;
    } catch (err) {
      if (timedOut) throw new PdfRenderTimeoutError(`PDF render took over ${this.timeoutMs} ms`, { cause: err });
      throw err;
    } finally {
      disarm();
    }
  }

  /** The live browser; one launch at a time however many renders found it gone. */
  private browser(): Promise<LaunchedBrowser> {
    if (this.current?.browser.isConnected()) return Promise.resolve(this.current);
    this.launching ??= this.launch().finally(() => (this.launching = undefined));
    return this.launching;
  }

  private async launch(): Promise<LaunchedBrowser> {
    const launched = await launchBrowser(this.options.executablePath);
    const isRestart = this.counts.browserLaunches > 0;
    this.counts.browserLaunches++;
    this.current = launched;
    launched.browser.on('disconnected', () => this.replace(launched));
    if (isRestart) this.options.onBrowserRestart?.();
    return launched;
  }

  /** Relaunches now rather than on the next render, so the health check recovers without traffic. */
  private replace(gone: LaunchedBrowser): void {
    if (this.state !== 'running' || this.current !== gone) return;
    this.browser().catch(() => undefined); // a failed launch is tried again by the next render
  }
}
