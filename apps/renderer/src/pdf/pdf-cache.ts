import { createHash } from 'node:crypto';

/** Renders HTML to a PDF; the pool does it in Chromium. */
export type PrintPdf = (html: string) => Promise<Buffer>;

export interface PdfCacheOptions {
  /** Bytes of PDFs kept; the least recently used go first. Default 64 MiB. */
  maxBytes?: number;
}

/**
 * The same HTML prints the same PDF, so it is printed once: a customer's statement
 * as of a day is the same document for every reminder of that day (one per invoice
 * with per-invoice grouping) until a payment changes it, and then its HTML changes
 * too. Keyed by the HTML's SHA-256; two renders of one HTML at once share the print.
 */
export class PdfCache {
  private readonly done = new Map<string, Buffer>();
  private readonly printing = new Map<string, Promise<Buffer>>();
  private bytes = 0;
  private readonly maxBytes: number;

  constructor(
    private readonly print: PrintPdf,
    options: PdfCacheOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  }

  pdf(html: string): Promise<Buffer> {
    const key = createHash('sha256').update(html).digest('hex');
    const cached = this.done.get(key);
    if (cached) {
      this.done.delete(key); // most recently used goes last
      this.done.set(key, cached);
      return Promise.resolve(cached);
    }
    let pending = this.printing.get(key);
    if (!pending) {
      pending = this.print(html)
        .then((pdf) => (this.keep(key, pdf), pdf))
        .finally(() => this.printing.delete(key));
      this.printing.set(key, pending);
    }
    return pending;
  }

  private keep(key: string, pdf: Buffer): void {
    if (pdf.length > this.maxBytes) return;
    this.done.set(key, pdf);
    this.bytes += pdf.length;
    for (const [oldest, old] of this.done) {
      if (this.bytes <= this.maxBytes) break;
      this.done.delete(oldest);
      this.bytes -= old.length;
    }
  }
}
