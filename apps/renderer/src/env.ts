import { commonEnv, grpcClientEnv, grpcEnv, loadEnv, statementLinkEnv, statementPortEnv } from '@chasqui/config';
import { z } from 'zod';

export const rendererEnv = {
  ...commonEnv(9463),
  /** Its gRPC port serves only operations.v1 (its dead letters). */
  ...grpcEnv(50053),
  ...statementLinkEnv(),
  ...statementPortEnv(),
  RECEIVABLES_URL: z.string().default('127.0.0.1:50051'),
  ...grpcClientEnv(),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /** Warm Chromium pages rendering PDFs at once. */
  PDF_PAGES: z.coerce.number().int().min(1).max(16).default(2),
};

export type RendererEnv = ReturnType<typeof loadRendererEnv>;
export const loadRendererEnv = () => loadEnv(rendererEnv);
