import type { BrowserContext, Page } from 'playwright-core';
import { PagePrinter } from './page-printer';

/**
 * One warm page slot and its printer. The page is opened lazily and replaced
 * when it belongs to a browser that is gone, when it crashed, or after
 * `maxRenders` renders (a long-lived renderer process only grows).
 */
export class PageLease {
  private page?: Page;
  private printer?: PagePrinter;
  private renders = 0;
  private crashed = false;

  constructor(
    private readonly maxRenders: number,
    private readonly onOpen: () => void,
  ) {}

  async printerIn(context: BrowserContext): Promise<PagePrinter> {
    if (this.printer && !this.broken() && this.page?.context() === context && this.renders < this.maxRenders) {
      return this.printer;
    }
    await this.discard();
    const page = await context.newPage();
    page.on('crash', () => {
      if (this.page === page) this.crashed = true;
    });
    this.page = page;
    this.printer = await PagePrinter.open(page);
    this.renders = 0;
    this.crashed = false;
    this.onOpen();
    return this.printer;
  }

  rendered(): void {
    this.renders += 1;
  }

  /** True when there is no usable page: never opened, crashed, closed, or its browser is gone. */
  broken(): boolean {
    const page = this.page;
    return !page || this.crashed || page.isClosed() || page.context().browser()?.isConnected() !== true;
  }

  async discard(): Promise<void> {
    const page = this.page;
    this.page = undefined;
    this.printer = undefined;
    if (page && !page.isClosed()) await page.close().catch(() => undefined);
  }
}
