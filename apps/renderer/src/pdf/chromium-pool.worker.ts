import { parentPort, workerData } from 'node:worker_threads';
import { ChromiumPool } from './chromium-pool';
import type { FromPoolThread, PoolThreadSettings, ThreadedError, ToPoolThread } from './pool-thread-protocol';

/**
 * The pool thread (see ChromiumPoolThread): a ChromiumPool on an event loop of
 * its own, so each DevTools reply is read as it arrives, not after whatever the
 * renderer's main thread is composing.
 */
const settings = workerData as PoolThreadSettings;
const port = parentPort!;
const post = (message: FromPoolThread, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** How often the browser's health is looked at between renders. */
const READY_EVERY_MS = 250;

const pool = new ChromiumPool({
  ...settings,
  onBrowserRestart: () => post({ type: 'browser-restarted', stats: pool.stats() }),
  onPdfRendered: (seconds) => post({ type: 'pdf-timed', seconds }),
});

function threaded(error: unknown): ThreadedError {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return { code: typeof code === 'string' ? code : undefined, message: String(message ?? error) };
}

/** The PDF's own bytes, moved to the main thread rather than copied. */
function movable(pdf: Buffer): { bytes: Uint8Array; transfer: ArrayBuffer[] } {
  const whole = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength && pdf.buffer instanceof ArrayBuffer;
  const bytes = whole ? new Uint8Array(pdf.buffer) : new Uint8Array(pdf);
  return { bytes, transfer: [bytes.buffer as ArrayBuffer] };
}

async function render(id: number, html: string): Promise<void> {
  try {
    const pdf = await pool.renderPdf(html);
    const { bytes, transfer } = movable(pdf);
    post({ type: 'rendered', id, pdf: bytes, stats: pool.stats() }, transfer);
  } catch (error) {
    post({ type: 'failed', id, error: threaded(error), stats: pool.stats() });
  }
}

/** Once started, tells the main thread whenever the browser goes (a crash) or is back. */
let watch: NodeJS.Timeout | undefined;
function watchReady(): void {
  let ready = true;
  watch = setInterval(() => {
    if (pool.isReady() === ready) return;
    ready = !ready;
    post({ type: 'ready', ready });
  }, READY_EVERY_MS);
}

port.on('message', (message: ToPoolThread) => {
  if (message.type === 'render') void render(message.id, message.html);
  else
    void pool.stop().finally(() => {
      clearInterval(watch);
      post({ type: 'stopped' });
    });
});

pool.start().then(
  () => {
    post({ type: 'started', stats: pool.stats() });
    watchReady();
  },
  (error: unknown) => {
    post({ type: 'start-failed', error: threaded(error) });
  },
);
