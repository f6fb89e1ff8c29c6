import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * What an operator watches of the PDF engine: how long a PDF takes, how
 * often Chromium had to be replaced, and how saturated the warm pages are
 * (busy pages, renders waiting for one) — read at each scrape.
 */
export class PdfMetrics {
  readonly seconds: Histogram;
  readonly restarts: Counter;

  constructor(registry: Registry, pool: () => { load(): { busy: number; waiting: number } }) {
    const registers = [registry];
    this.seconds = new Histogram({
      name: 'renderer_pdf_seconds',
      help: 'Time one PDF took in Chromium (content set, page printed)',
      buckets: [0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60],
      registers,
    });
    this.restarts = new Counter({
      name: 'renderer_chromium_restarts_total',
      help: 'Chromium browsers replaced after they crashed or were killed',
      registers,
    });
    new Gauge({
      name: 'renderer_pdf_pages_busy',
      help: 'Warm pages rendering now (of PDF_PAGES)',
      registers,
      collect() {
        this.set(pool().load().busy);
      },
    });
    new Gauge({
      name: 'renderer_pdf_renders_waiting',
      help: 'Renders waiting for a free page: above zero for long, the renderer is saturated',
      registers,
      collect() {
        this.set(pool().load().waiting);
      },
    });
  }
}
