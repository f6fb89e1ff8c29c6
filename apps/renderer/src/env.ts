import {
  commonEnv,
  grpcClientEnv,
  grpcEnv,
  loadEnv,
  previewPortEnv,
  statementLinkEnv,
  statementPortEnv,
} from '@chasqui/config';
import { availableParallelism } from 'node:os';
import { z } from 'zod';

export const rendererEnv = {
  ...commonEnv(9463),
  ...grpcEnv(50053),
  ...statementLinkEnv(),
  ...statementPortEnv(),
  ...previewPortEnv(),
  RECEIVABLES_URL: z.string().default('127.0.0.1:50051'),
  /** Asked for a rule's kind, template and audience when a preview names a rule. */
  SCHEDULER_URL: z.string().default('127.0.0.1:50052'),
  ...grpcClientEnv(),
  /**
   * Debian's chromium-headless-shell: the same Chromium as /usr/bin/chromium without the
   * full browser's UI layers, ~6x faster for page.pdf() with the same text and look. The
   * binary itself, not /usr/bin's wrapper script, so the pool's browser is Chromium's process.
   */
  CHROMIUM_PATH: z.string().default('/usr/lib/chromium/chromium-headless-shell'),
  /**
   * Invoice XML and PDF attached to an issue notice or due-soon reminder, in total; the rest go as links.
   */
  ATTACHMENTS_MAX_BYTES: z.coerce.number().int().min(0).max(6_291_456).default(5_242_880),
  /** Warm Chromium pages rendering PDFs at once: one per core keeps every core busy (bench/renderer). */
  PDF_PAGES: z.coerce.number().int().min(1).max(16).default(Math.min(availableParallelism(), 16)),
};

export type RendererEnv = ReturnType<typeof loadRendererEnv>;
export const loadRendererEnv = () => loadEnv(rendererEnv);
