import type { ChromiumPoolStats } from './chromium-pool';

/** What the pool thread is started with (its workerData): the pool's options that are data. */
export interface PoolThreadSettings {
  executablePath: string;
  pages: number;
  rendersPerPage?: number;
  renderTimeoutMs?: number;
}

/** From the renderer's main thread to the pool thread. */
export type ToPoolThread = { type: 'render'; id: number; html: string } | { type: 'stop' };

/** A render's failure as it crosses threads: the pool's error code (see pdf.errors) and message. */
export interface ThreadedError {
  code?: string;
  message: string;
}

/** From the pool thread to the main thread. */
export type FromPoolThread =
  | { type: 'started'; stats: ChromiumPoolStats }
  | { type: 'start-failed'; error: ThreadedError }
  | { type: 'rendered'; id: number; pdf: Uint8Array; stats: ChromiumPoolStats }
  /** The seconds one PDF took in Chromium (the pool's onPdfRendered). */
  | { type: 'pdf-timed'; seconds: number }
  | { type: 'failed'; id: number; error: ThreadedError; stats: ChromiumPoolStats }
  | { type: 'ready'; ready: boolean }
  | { type: 'browser-restarted'; stats: ChromiumPoolStats }
  | { type: 'stopped' };
