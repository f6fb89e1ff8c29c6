import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
  // Aborting requests is not enough: for an <iframe> or a preconnect hint Chromium
  // still opens a TCP connection. Nothing resolves, so nothing connects.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

export interface LaunchedBrowser {
  browser: Browser;
  /** Where every warm page lives; its rules apply to all of them. */
  context: BrowserContext;
}

/**
 * A browser whose pages run no script and reach nothing but data: URLs: the HTML
 * carries tenant content, which must not fetch anything or act on its own.
 */
export async function launchBrowser(executablePath: string): Promise<LaunchedBrowser> {
  const browser = await chromium.launch({ executablePath, args: ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
    // The pool bounds each render itself (ChromiumPool renderTimeoutMs).
    context.setDefaultTimeout(0);
    await context.route('**/*', (route) =>
      (route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient')).catch(
        () => undefined, // the page went away meanwhile
      ),
    );
    return { browser, context };
  } catch (err) {
    await browser.close().catch(() => undefined);
    throw err;
  }
}
