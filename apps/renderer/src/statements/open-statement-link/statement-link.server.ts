import { status as GrpcStatus } from '@grpc/grpc-js';
import type { Log } from '@chasqui/observability';
import { openStatementLink } from '@chasqui/statement-links';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ReceivablesClient } from '../../grpc/receivables.client';
import type { ChromiumPool } from '../../pdf/chromium-pool';
import { ReminderError } from '../../reminder/reminder.errors';
import { renderStatement } from '../../reminder/render-reminder';

const TOKEN_PATH = /^\/statements\/([A-Za-z0-9_-]{1,2000}\.[A-Za-z0-9_-]{1,100})$/;

type Reply = { status: number; type: string; body: string | Buffer; filename?: string };

const text = (status: number, body: string): Reply => ({ status, type: 'text/plain; charset=utf-8', body });

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
    private readonly chromium: ChromiumPool,
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

  private async reply(req: IncomingMessage): Promise<Reply> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return text(405, 'Method not allowed');
    const token = TOKEN_PATH.exec((req.url ?? '').split('?')[0])?.[1];
    const opened = token ? openStatementLink(this.secret, token, Math.floor(Date.now() / 1000)) : undefined;
    if (!opened || 'refused' in opened) {
      return opened?.refused === 'expired'
        ? text(410, 'Este enlace al estado de cuenta venció. / This statement link has expired.')
        : text(404, 'No existe este estado de cuenta. / No such statement.');
    }
    const { tenantId, customerId, asOf } = opened.link;
    try {
      const statement = await this.receivables.statement(tenantId, customerId, asOf);
      const { html, filename } = renderStatement(statement);
      return { status: 200, type: 'application/pdf', body: await this.chromium.renderPdf(html), filename };
    } catch (error) {
      if ((error as { code?: number }).code === GrpcStatus.NOT_FOUND)
        return text(404, 'No existe este estado de cuenta. / No such statement.');
      if (error instanceof ReminderError && error.code === 'REMINDER.NO_OPEN_INVOICES')
        return text(200, 'No hay documentos pendientes de pago. / Nothing is owed on this account.');
      this.log.error('statement link failed', { error: error instanceof Error ? error.message : String(error) });
      return text(500, 'No pudimos preparar el estado de cuenta; intente más tarde. / Please try again later.');
    }
  }
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { 'content-type': reply.type, 'cache-control': 'private, no-store' };
  if (reply.filename) headers['content-disposition'] = `inline; filename="${reply.filename}"`;
  res.writeHead(reply.status, headers);
  res.end(reply.body);
}
