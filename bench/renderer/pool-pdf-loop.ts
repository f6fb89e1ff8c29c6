// The renderer's own pool, from its build.
import { ChromiumPool } from '@chasqui/renderer/dist/pdf/chromium-pool';
import { since } from '../support/measure';
import type { PdfLoop } from './bare-pdf-loop';

/**
 * The same `count` prints of the same `html` through the renderer's
 * ChromiumPool with `pages` warm pages, `pages` renders kept in flight. The
 * pool is called directly: the renderer puts its PdfCache in front of it,
 * which prints one HTML once, so through the cache nothing would be printed
 * after the first call. One render per page first, not timed.
 */
export async function poolPdfLoop(chromium: string, html: string, pages: number, count: number): Promise<PdfLoop> {
  const pool = new ChromiumPool({ executablePath: chromium, pages });
  await pool.start();
  try {
    await Promise.all(Array.from({ length: pages }, () => pool.renderPdf(html)));
    let next = 0;
    let bytes = 0;
    const start = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: pages }, async () => {
        while (next++ < count) bytes = (await pool.renderPdf(html)).length;
      }),
    );
    const ms = since(start);
    const { pdfsRendered } = pool.stats();
    if (pdfsRendered !== count + pages) throw new Error(`the pool printed ${pdfsRendered} PDFs, not ${count + pages}`);
    return { ms, bytes };
  } finally {
    await pool.stop();
  }
}
