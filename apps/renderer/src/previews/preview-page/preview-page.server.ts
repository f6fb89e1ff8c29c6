import { Metadata, status } from '@grpc/grpc-js';
import { DomainError } from '@chasqui/errors';
import { parseRequest, TenantAuth } from '@chasqui/grpc';
import type { Log } from '@chasqui/observability';
import { RpcException } from '@nestjs/microservices';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { toTemplateKind } from '../../templates/template.proto';
import { previewReminderCommand } from '../preview-reminder/preview-reminder.command';
import type { PreviewReminderUseCase } from '../preview-reminder/preview-reminder.usecase';
import { KINDS, PREVIEW_PAGE_POLICY, previewFormPage, previewPage, type PreviewForm } from './preview-page';

/** A form is a few fields; anything bigger is not one. */
const MAX_FORM_BYTES = 16 * 1024;

interface Reply {
  status: number;
  body: string;
}

/**
 * The preview for a person: GET /preview is the form, POST /preview (the tenant's
 * API key among the fields, never in a URL) shows the reminder PreviewReminder
 * would return — the email beside its statement PDF — recording nothing.
 */
export class PreviewPageServer {
  private server?: Server;

  constructor(
    private readonly auth: TenantAuth,
    private readonly previewReminder: PreviewReminderUseCase,
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
    const empty: PreviewForm = { customerId: '', asOf: '', ruleId: '', templateId: '', kind: 'overdue' };
    if ((req.url ?? '').split('?')[0] !== '/preview')
      return { status: 404, body: previewFormPage(empty, 'No such page') };
    if (req.method === 'GET') return { status: 200, body: previewFormPage(empty) };
    if (req.method !== 'POST') return { status: 405, body: previewFormPage(empty, 'Method not allowed') };
    const fields = await readForm(req);
    if (!fields) return { status: 413, body: previewFormPage(empty, 'The form is too large') };
    const form: PreviewForm = {
      customerId: fields.get('customer_id')?.trim() ?? '',
      asOf: fields.get('as_of')?.trim() ?? '',
      ruleId: fields.get('rule_id')?.trim() ?? '',
      templateId: fields.get('template_id')?.trim() ?? '',
      kind: fields.get('kind') ?? '',
    };
    try {
      const metadata = new Metadata();
      metadata.set('x-api-key', fields.get('api_key') ?? '');
      const tenantId = await this.auth.tenantOf(metadata);
      const kind = KINDS.find((known) => known === form.kind);
      // The command reads a request as it comes over gRPC: the kind as its proto name.
      const command = parseRequest(
        previewReminderCommand,
        {
          tenantId,
          ...form,
          kind: kind && toTemplateKind(kind),
          invoiceIds: [],
        },
        'PREVIEW.INVALID',
      );
      return { status: 200, body: previewPage(form, await this.previewReminder.execute(command)) };
    } catch (error) {
      return this.failure(form, error);
    }
  }

  private failure(form: PreviewForm, error: unknown): Reply {
    if (error instanceof DomainError) {
      const codes: Record<DomainError['kind'], number> = {
        invalid_argument: 400,
        not_found: 404,
        already_exists: 409,
        failed_precondition: 409,
        unavailable: 503,
      };
      return { status: codes[error.kind], body: previewFormPage(form, error.message) };
    }
    if (error instanceof RpcException) {
      const { code, message } = error.getError() as { code: number; message: string };
      const httpStatus = code === status.UNAUTHENTICATED ? 401 : code === status.UNAVAILABLE ? 503 : 500;
      return { status: httpStatus, body: previewFormPage(form, message) };
    }
    this.log.error('preview failed', { error: error instanceof Error ? error.message : String(error) });
    return { status: 500, body: previewFormPage(form, 'The preview failed; try again') };
  }
}

function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', () => resolve(undefined));
  });
}

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PREVIEW_PAGE_POLICY,
    'cache-control': 'private, no-store',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  });
  res.end(reply.body);
}
