// The renderer's own launch, from its build: the browser's args and its pages' context are the renderer's.
import { launchBrowser } from '@chasqui/renderer/dist/pdf/launch-browser';
import type { Page } from 'playwright-core';
import { since } from '../support/measure';

/**
 * The print the renderer makes (apps/renderer/src/pdf/page-printer.ts prints through DevTools with
 * the same paper, background and CSS page size): keep the two equal — run.ts compares the PDFs' sizes.
 */
export const PDF_OPTIONS: Parameters<Page['pdf']>[0] = {
  format: 'A4',
  preferCSSPageSize: true,
  printBackground: true,
};

/** What a loop printed, and how long it took. */
export interface PdfLoop {
  ms: number;
  /** Size of the last PDF printed (they are all the same document). */
  bytes: number;
}

/**
 * The bare primitive: `pages` warm pages of one browser, launched as the
 * renderer launches it, each printing `html` in a loop — setContent (until
 * load) then page.pdf() — until `count` PDFs are printed between them. One
 * print per page first, not timed, so every page is warm.
 */
export async function barePdfLoop(
  chromium: string,
  html: string,
  pages: number,
  count: number,
): Promise<PdfLoop & { engine: string }> {
  const { browser, context } = await launchBrowser(chromium);
  try {
    const open = await Promise.all(Array.from({ length: pages }, () => context.newPage()));
    const print = async (page: Page) => {
      await page.setContent(html, { waitUntil: 'load' });
      return page.pdf(PDF_OPTIONS);
    };
    await Promise.all(open.map(print));
    let next = 0;
    let bytes = 0;
    const start = process.hrtime.bigint();
    await Promise.all(
      open.map(async (page) => {
        while (next++ < count) bytes = (await print(page)).length;
      }),
    );
    return { ms: since(start), bytes, engine: browser.version() };
  } finally {
    await browser.close();
  }
}
