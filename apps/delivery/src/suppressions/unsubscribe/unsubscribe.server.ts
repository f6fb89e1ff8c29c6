import type { Log } from '@chasqui/observability';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { UnsubscribeUseCase } from './unsubscribe.usecase';

const TOKEN_PATH = /^\/unsubscribe\/([a-z2-7]{1,100})$/i;

type Page = { status: number; title: string; text: string; form?: boolean };

const NOT_FOUND: Page = { status: 404, title: 'Not found', text: 'This unsubscribe link is not valid.' };
const EXPIRED: Page = {
  status: 410,
  title: 'Link expired',
  text: 'This unsubscribe link has expired. Reply to the email instead.',
};

/**
 * The customer-facing unsubscribe port. POST is RFC 8058's one click (mail
 * clients send `List-Unsubscribe=One-Click`); GET only shows a button, since
 * link scanners open every URL in an email and must not unsubscribe anyone.
 */
export class UnsubscribeServer {
  private server?: Server;

  constructor(
    private readonly unsubscribe: UnsubscribeUseCase,
    private readonly log: Log,
  ) {}

  open(port: number, host: string): Promise<void> {
    this.server = createServer((req, res) => {
      void this.page(req).then((page) => send(res, page));
    });
    return new Promise((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, resolve);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async page(req: IncomingMessage): Promise<Page> {
    const token = TOKEN_PATH.exec((req.url ?? '').split('?')[0])?.[1];
    if (!token) return NOT_FOUND;
    if (req.method === 'GET' || req.method === 'HEAD') {
      const state = this.unsubscribe.check(token.toLowerCase(), new Date());
      if (state !== 'ok') return state === 'expired' ? EXPIRED : NOT_FOUND;
      return {
        status: 200,
        title: 'Unsubscribe',
        text: 'Stop receiving payment reminders at this address?',
        form: true,
      };
    }
    if (req.method !== 'POST') return { status: 405, title: 'Method not allowed', text: 'Use POST.' };
    req.resume();
    try {
      const result = await this.unsubscribe.execute(token.toLowerCase(), new Date());
      if ('refused' in result) {
        return result.refused === 'expired'
          ? {
              status: 410,
              title: 'Link expired',
              text: 'This unsubscribe link has expired. Reply to the email instead.',
            }
          : { status: 404, title: 'Not found', text: 'This unsubscribe link is not valid.' };
      }
      return {
        status: 200,
        title: 'Unsubscribed',
        text: 'You will not receive more payment reminders at this address.',
      };
    } catch (error) {
      this.log.error('unsubscribe failed', { error: error instanceof Error ? error.message : String(error) });
      return { status: 503, title: 'Try again', text: 'We could not record this right now. Please try again shortly.' };
    }
  }
}

function send(res: ServerResponse, page: Page): void {
  const form = page.form ? '<form method="post"><button type="submit">Unsubscribe</button></form>' : '';
  const body = `<!doctype html><html><head><meta charset="utf-8"><title>${page.title}</title></head><body><h1>${page.title}</h1><p>${page.text}</p>${form}</body></html>`;
  res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}
