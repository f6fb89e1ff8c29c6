export class PdfPoolNotRunningError extends Error {
  readonly code = 'PDF.POOL_NOT_RUNNING';
}

export class PdfRenderTimeoutError extends Error {
  readonly code = 'PDF.RENDER_TIMEOUT';
}
