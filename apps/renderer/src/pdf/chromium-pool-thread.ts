import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AcceptedRenders } from './accepted-renders';
import type { ChromiumPoolOptions, ChromiumPoolStats } from './chromium-pool';
import { PdfPoolNotRunningError, PdfRenderTimeoutError } from './pdf.errors';
import type { FromPoolThread, PoolThreadSettings, ThreadedError, ToPoolThread } from './pool-thread-protocol';

/** The pool's options; its render bound is a timer in the thread (tests of a fake clock use ChromiumPool itself). */
export type ChromiumPoolThreadOptions = Omit<ChromiumPoolOptions, 'watchdog'>;

interface Owed {
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

const NO_STATS: ChromiumPoolStats = { browserLaunches: 0, pagesOpened: 0, pdfsRendered: 0 };
/** How long the thread gets to close Chromium once every render is done; then it is ended (Chromium exits with its pipe). */
const STOP_GRACE_MS = 10_000;

/**
 * The renderer's ChromiumPool, run on a worker thread of its own. A PDF takes
 * three DevTools messages back and forth (content set, load event, print) and
 * the page sits idle until each is read; on the main thread each waited behind
 * the composition of the other emails, the queries and the AMQP traffic. On
 * one warm page that cost about a third of the throughput (bench/renderer:
 * 68 % of the bare loop); the thread reads them at once. The HTML is copied
 * to the thread, the PDF's bytes are moved back.
 *
 * Same contract as ChromiumPool: a crashed page or browser is replaced in the
 * thread and its render tried again; should the thread itself die, the renders
 * it held fail as PdfPoolNotRunningError (the job is retried, not lost) and a
 * new thread starts.
 */
export class ChromiumPoolThread {
  private state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  private current?: Worker;
  private thread?: Promise<Worker>;
  private stopping?: Promise<void>;
  private ready = false;
  private nextId = 0;
  private readonly owed = new Map<number, Owed>();
  private readonly accepted = new AcceptedRenders();
  /** Counts of threads that are gone, and the live thread's latest. */
  private past: ChromiumPoolStats = { ...NO_STATS };
  private latest: ChromiumPoolStats = { ...NO_STATS };
  private threadsStarted = 0;

  constructor(private readonly options: ChromiumPoolThreadOptions) {
    if (!Number.isInteger(options.pages) || options.pages < 1) {
      throw new RangeError(`ChromiumPool pages must be a positive integer, got ${options.pages}`);
    }
  }

  /** Starts the thread, which launches the browser and opens every page. */
  async start(): Promise<void> {
    if (this.state !== 'new') throw new Error(`ChromiumPoolThread.start() while ${this.state}`);
    this.state = 'running';
    try {
      await this.live();
    } catch (err) {
      this.state = 'new';
      throw err;
    }
  }

  isReady(): boolean {
    return this.state === 'running' && this.ready;
  }

  renderPdf(html: string): Promise<Buffer> {
    if (this.state !== 'running') return Promise.reject(new PdfPoolNotRunningError(`ChromiumPool is ${this.state}`));
    return this.accepted.track(this.renderInThread(html));
  }

  /** Refuses new renders, lets every accepted one finish, then closes the browser and the thread. */
  stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    return this.stopping;
  }

  stats(): ChromiumPoolStats {
    return {
      browserLaunches: this.past.browserLaunches + this.latest.browserLaunches,
      pagesOpened: this.past.pagesOpened + this.latest.pagesOpened,
      pdfsRendered: this.past.pdfsRendered + this.latest.pdfsRendered,
    };
  }

  /** Pages rendering now, and renders waiting for a page (the thread serves them first come, first served). */
  load(): { busy: number; waiting: number } {
    const renders = this.accepted.size;
    return { busy: Math.min(renders, this.options.pages), waiting: Math.max(0, renders - this.options.pages) };
  }

  private async shutDown(): Promise<void> {
    this.state = 'stopping';
    await this.accepted.settled();
    const worker = await this.thread?.catch(() => undefined);
    this.state = 'stopped';
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'stop' } satisfies ToPoolThread);
    const overdue = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
    await exited;
    clearTimeout(overdue);
  }

  private async renderInThread(html: string): Promise<Buffer> {
    const worker = await this.live();
    const id = ++this.nextId;
    return new Promise<Buffer>((resolve, reject) => {
      this.owed.set(id, { resolve, reject });
      worker.postMessage({ type: 'render', id, html } satisfies ToPoolThread);
    });
  }

  /** The live thread; one start at a time however many renders found it gone. */
  private live(): Promise<Worker> {
    this.thread ??= this.spawn();
    return this.thread;
  }

  private spawn(): Promise<Worker> {
    const { executablePath, pages, rendersPerPage, renderTimeoutMs } = this.options;
    const workerData: PoolThreadSettings = { executablePath, pages, rendersPerPage, renderTimeoutMs };
    const worker = new Worker(join(__dirname, 'chromium-pool.worker.js'), { workerData });
    this.current = worker;
    let started = false;
    const starting = new Promise<Worker>((resolve, reject) => {
      worker.on('message', (message: FromPoolThread) => {
        if (message.type === 'started') {
          started = true;
          this.ready = true;
          this.latest = message.stats;
          if (this.threadsStarted++ > 0) this.options.onBrowserRestart?.();
          resolve(worker);
        } else if (message.type === 'start-failed') {
          reject(new PdfPoolNotRunningError(`Chromium did not start: ${message.error.message}`));
        } else this.receive(worker, message);
      });
      worker.on('error', (error) => reject(new PdfPoolNotRunningError(`the PDF thread failed: ${error.message}`)));
      worker.on('exit', (code) => {
        reject(new PdfPoolNotRunningError(`the PDF thread exited (${code}) before Chromium started`));
        this.exited(worker, started);
      });
    });
    // A thread that could not start is forgotten: the next render starts another.
    starting.catch(() => {
      if (this.current === worker) void worker.terminate();
    });
    return starting;
  }

  private receive(worker: Worker, message: Exclude<FromPoolThread, { type: 'started' | 'start-failed' }>): void {
    switch (message.type) {
      case 'rendered':
        this.latest = message.stats;
        return this.settle(message.id, (owed) =>
          owed.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength)),
        );
      case 'failed':
        this.latest = message.stats;
        return this.settle(message.id, (owed) => owed.reject(asError(message.error)));
      case 'pdf-timed':
        return this.options.onPdfRendered?.(message.seconds);
      case 'ready':
        if (worker === this.current) this.ready = message.ready;
        return;
      case 'browser-restarted':
        this.latest = message.stats;
        return this.options.onBrowserRestart?.();
      case 'stopped':
        void worker.terminate();
        return;
    }
  }

  private settle(id: number, settle: (owed: Owed) => void): void {
    const owed = this.owed.get(id);
    if (!owed) return;
    this.owed.delete(id);
    settle(owed);
  }

  /** A thread that ended: what it held fails (to be retried), and a thread that had been serving is replaced. */
  private exited(worker: Worker, hadStarted: boolean): void {
    if (worker !== this.current) return;
    this.current = undefined;
    this.thread = undefined;
    this.ready = false;
    this.past = this.stats();
    this.latest = { ...NO_STATS };
    const gone = new PdfPoolNotRunningError('the PDF thread ended under this render');
    for (const owed of this.owed.values()) owed.reject(gone);
    this.owed.clear();
    if (hadStarted && this.state === 'running') this.live().catch(() => undefined); // else the next render tries
  }
}

function asError({ code, message }: ThreadedError): Error {
  if (code === 'PDF.RENDER_TIMEOUT') return new PdfRenderTimeoutError(message);
  if (code === 'PDF.POOL_NOT_RUNNING') return new PdfPoolNotRunningError(message);
  return new Error(message);
}
