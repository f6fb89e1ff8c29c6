import type { Log } from '@chasqui/observability';
import { openDocumentLink, openStatementLink } from '@chasqui/statement-links';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { documentType } from '../../grpc/document-type';
import type { ReceivablesClient } from '../../grpc/receivables.client';
import type { BrandingRepository } from '../../branding/branding.repository';
import type { PdfCache } from '../../pdf/pdf-cache';
import { renderStatement } from '../../reminder/render-reminder';
import { EXPIRED, failureReply, NO_SUCH_STATEMENT, type Reply } from './statement-link.replies';

const TOKEN_PATH = /^\/statements\/([A-Za-z0-9_-]{1,2000}\.[A-Za-z0-9_-]{1,100})$/;
const DOCUMENT_PATH = /^\/documents\/([A-Za-z0-9_-]{1,2000}\.[A-Za-z0-9_-]{1,100})$/;

/**
 * Opens statement links: a signed link names a tenant's customer and a date;
 * the statement is read from receivables when the link is opened (what is
 * owed now) and answered as a PDF rendered in the warm Chromium pool. Its own
 * port, apart from the operator's: this one faces customers.
 */
export class StatementLinkServer {
  private server?: Server;

  constructor(
    private readonly receivables: ReceivablesClient,
    private readonly pdfs: PdfCache,
    private readonly brandings: BrandingRepository,
    private readonly secret: string,
    private readonly log: Log,
  ) {}

  open(port: number, host: string): Promise<void> {
    this.server = createServer((req, res) => {
      void this.reply(req).then((reply) => send(res, reply));
    });
    return new Promise((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, resolve);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** An invoice's XML or PDF an email linked because it was too large to attach. */
  private async document(token: string): Promise<Reply> {
    const opened = openDocumentLink(this.secret, token, Math.floor(Date.now() / 1000));
    if ('refused' in opened) return opened.refused === 'expired' ? EXPIRED : NO_SUCH_STATEMENT;
    try {
      const { attachment, content } = await this.receivables.document(opened.link.tenantId, opened.link.attachmentId);
      const type = documentType(attachment?.kind);
      const filename = (attachment?.filename ?? 'document').replace(/[^\w.-]+/g, '_');
      return { status: 200, type, body: Buffer.from(content), filename };
    } catch (error) {
      return failureReply(error, (failure) =>
        this.log.error('document link failed', { error: failure instanceof Error ? failure.message : String(failure) }),
      );
    }
  }

  private async reply(req: IncomingMessage): Promise<Reply> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return { status: 405, type: 'text/plain; charset=utf-8', body: 'Method not allowed' };
    }
    const path = (req.url ?? '').split('?')[0] ?? '';
    const documentToken = DOCUMENT_PATH.exec(path)?.[1];
    if (documentToken) return this.document(documentToken);
    const token = TOKEN_PATH.exec(path)?.[1];
    const opened = token ? openStatementLink(this.secret, token, Math.floor(Date.now() / 1000)) : undefined;
    if (!opened || 'refused' in opened) {
      return opened?.refused === 'expired' ? EXPIRED : NO_SUCH_STATEMENT;
    }
    const { tenantId, customerId, asOf } = opened.link;
    try {
      const [statement, brand] = await Promise.all([
        this.receivables.statement(tenantId, customerId, asOf),
        this.brandings.forRendering(tenantId),
      ]);
      const { html, filename } = renderStatement(statement, brand);
      return { status: 200, type: 'application/pdf', body: await this.pdfs.pdf(html), filename };
    } catch (error) {
      return failureReply(error, (failure) =>
        this.log.error('statement link failed', {
          error: failure instanceof Error ? failure.message : String(failure),
        }),
      );
    }
  }
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { 'content-type': reply.type, 'cache-control': 'private, no-store' };
  if (reply.filename) headers['content-disposition'] = `inline; filename="${reply.filename}"`;
  if (reply.retryAfterSeconds) headers['retry-after'] = String(reply.retryAfterSeconds);
  res.writeHead(reply.status, headers);
  res.end(reply.body);
}
