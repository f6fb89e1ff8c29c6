import { Metadata } from '@grpc/grpc-js';
import { Exchanges, MessageTypes, receivables, renderer, RoutingKeys, scheduler } from '@chasqui/contracts';
import { apiKeyMetadata, grpcClient } from '@chasqui/grpc';
import { declareExchanges } from '@chasqui/messaging';
import { newTraceparent } from '@chasqui/observability';
import {
  BENCH_DEADLINES,
  createTestDatabase,
  createTestVhost,
  freePort,
  runMigration,
  ServiceProcess,
} from '@chasqui/testing';
import { connect, type ChannelModel } from 'amqplib';
import { createHash, randomUUID } from 'node:crypto';
import { firstValueFrom } from 'rxjs';
import { since } from '../support/measure';

/** A seeded customer: the invoices its reminder is about (all of them open). */
export interface SeededCustomer {
  id: string;
  invoiceIds: string[];
}

/** One size of the service run. */
export interface EmailRun {
  /** Spawn to /readyz answering (the browser launched, every page open): not counted. */
  readyMs: number;
  /** First render job published to the last send job seen. */
  ms: number;
  /** Distinct statement PDFs among the send jobs (one per customer when nothing came from the cache). */
  distinctPdfs: number;
  /** Mean size of the attached PDFs. */
  meanPdfBytes: number;
  /** Mean size of the send jobs (HTML, text and attachments: what goes through the outbox and the broker). */
  meanSendJobBytes: number;
}

const SEND_TAP = 'bench.send-jobs';

/** A send job as the tap saw it: when, and its bytes (decoded once the run is over). */
interface Sent {
  at: bigint;
  content: Buffer;
}

/**
 * receivables and the renderer as production runs them: separate processes
 * from dist/, one fresh database (migrated first) and one fresh vhost. The
 * renderer is started anew for each size (PDF_PAGES), so its PDF cache starts
 * empty; its send jobs land in a queue of the benchmark's own, bound where
 * delivery's would be, where they are counted.
 */
export class RendererUnderTest {
  receivables!: receivables.ReceivablesServiceClient;
  auth = new Metadata();
  tenantId = '';
  private env: Record<string, string> = {};
  private amqp?: ChannelModel;
  private readonly seen = new Map<string, Sent>();
  /** Occurrences a run still waits for, and what to call when the last arrives. */
  private awaited?: { pending: Set<string>; done: () => void };
  private readonly cleanups: (() => unknown)[] = [];

  async start(chromium: string): Promise<void> {
    // Each resource is registered for cleanup as soon as it exists, so stop() undoes a start that failed halfway.
    const database = await createTestDatabase();
    this.cleanups.push(() => database.drop());
    const vhost = await createTestVhost();
    this.cleanups.push(() => vhost.drop());
    const receivablesPort = await freePort();
    this.env = {
      DATABASE_URL: database.url,
      AMQP_URL: vhost.url,
      ADMIN_TOKEN: 'bench-admin-token',
      SERVICE_TOKEN: 'bench-service-token',
      RECEIVABLES_URL: `127.0.0.1:${receivablesPort}`,
      CHROMIUM_PATH: chromium,
      LOG_LEVEL: 'warn',
    };
    for (const name of ['receivables', 'renderer']) await runMigration(name, this.env);
    const ledger = new ServiceProcess('receivables', {
      ...this.env,
      GRPC_PORT: String(receivablesPort),
      HTTP_PORT: String(await freePort()),
    });
    this.cleanups.push(() => ledger.stop());
    await ledger.start();
    const { service, close } = grpcClient<receivables.ReceivablesServiceClient>(
      'receivables',
      this.env.RECEIVABLES_URL,
      BENCH_DEADLINES,
    );
    this.receivables = service;
    this.cleanups.push(close);
    await this.openTap();

    const admin = new Metadata();
    admin.set('x-admin-token', this.env.ADMIN_TOKEN);
    const { tenant, apiKey } = await firstValueFrom(
      service.createTenant(
        {
          name: 'Ferretería La Paloma S.A. de C.V.',
          country: 'MX',
          timeZone: 'America/Mexico_City',
          defaultCurrency: 'MXN',
          locale: 'es-MX',
          taxId: '',
        },
        admin,
      ),
    );
    this.tenantId = tenant!.id;
    this.auth = apiKeyMetadata(apiKey);
  }

  /**
   * `count` customers through CreateCustomer, each with one contact that receives
   * reminders and `invoices` open invoices through CreateInvoice (overdue by 0 to
   * ~2 months as of `asOf`, amounts differing), 16 calls at a time.
   */
  async seed(count: number, invoices: number, asOf: string): Promise<SeededCustomer[]> {
    const customers = new Array<SeededCustomer>(count);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < count; i = next++) {
        const { customer } = await firstValueFrom(
          this.receivables.createCustomer(
            {
              externalId: `R-${i}`,
              legalName: `Comercial ${i} S.A. de C.V.`,
              taxId: 'XAXX010101000',
              timeZone: '',
              locale: '',
              contacts: [
                {
                  name: 'Cuentas por pagar',
                  email: `cxp${i}@cliente.example`,
                  role: 'billing',
                  receivesReminders: true,
                },
              ],
            },
            this.auth,
          ),
        );
        const invoiceIds: string[] = [];
        for (let j = 0; j < invoices; j++) {
          const { invoice } = await firstValueFrom(
            this.receivables.createInvoice(
              {
                customerId: customer!.id,
                series: 'F',
                folio: `${i}-${j}`,
                issueDate: days(asOf, -(30 + 9 * j)),
                dueDate: days(asOf, -9 * j),
                currency: 'MXN',
                totalMinor: String(1_250_000 + 37_013 * i + 1_009 * j),
              },
              this.auth,
            ),
          );
          invoiceIds.push(invoice!.id);
        }
        customers[i] = { id: customer!.id, invoiceIds };
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    return customers;
  }

  /** A customer's statement as the renderer reads it for a reminder (GetStatement, every open document). */
  async statement(customerId: string, asOf: string): Promise<receivables.Statement> {
    const { statement } = await firstValueFrom(
      this.receivables.getStatement(
        { customerId, asOf, scope: receivables.StatementScope.STATEMENT_SCOPE_ALL_OPEN },
        this.auth,
      ),
    );
    return statement!;
  }

  /**
   * A renderer with `pages` warm pages renders a reminder with its statement PDF
   * for each of `customers` (one render job each, as the scheduler publishes
   * them); timed from the first job published to the last send job seen. The
   * `warmUp` customers' reminders go first, not timed.
   */
  async emails(pages: number, customers: SeededCustomer[], warmUp: SeededCustomer[], asOf: string): Promise<EmailRun> {
    const service = new ServiceProcess('renderer', {
      ...this.env,
      PDF_PAGES: String(pages),
      GRPC_PORT: String(await freePort()),
      HTTP_PORT: String(await freePort()),
      STATEMENT_PORT: String(await freePort()),
      PREVIEW_PORT: String(await freePort()),
      STATEMENT_HOST: '127.0.0.1',
    });
    try {
      const spawned = process.hrtime.bigint();
      await service.start();
      const readyMs = since(spawned);
      await this.waitForSends(await this.publish(warmUp, asOf), service);
      const start = process.hrtime.bigint();
      const sent = await this.waitForSends(await this.publish(customers, asOf), service);
      const last = sent.reduce((latest, s) => (s.at > latest ? s.at : latest), start);
      const pdfs = sent.map((s) => attachedPdf(s.content)).filter((pdf) => pdf !== undefined);
      if (pdfs.length !== customers.length) throw new Error(`${customers.length - pdfs.length} send jobs have no PDF`);
      return {
        readyMs,
        ms: Number(last - start) / 1e6,
        distinctPdfs: new Set(pdfs.map((pdf) => pdf.sha256)).size,
        meanPdfBytes: pdfs.reduce((sum, pdf) => sum + pdf.bytes, 0) / pdfs.length,
        meanSendJobBytes: sent.reduce((sum, s) => sum + s.content.length, 0) / sent.length,
      };
    } finally {
      await service.stop();
    }
  }

  /** Undoes start() in reverse, as far as it got; one failed step does not skip the rest. */
  async stop(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error('cleanup failed:', error);
      }
    }
  }

  /**
   * A queue bound to chasqui.jobs/send (send jobs are published mandatory): every send job the renderer relays,
   * by its idempotency key (the occurrence id). It only notes the time and keeps the bytes, decoded after the
   * run: it stands where delivery's consumer would, and shares the machine with what is measured.
   */
  private async openTap(): Promise<void> {
    const amqp = (this.amqp = await connect(this.env.AMQP_URL));
    this.cleanups.push(() => amqp.close());
    const tap = await amqp.createChannel();
    await declareExchanges(tap);
    await tap.assertQueue(SEND_TAP, { exclusive: true });
    await tap.bindQueue(SEND_TAP, Exchanges.jobs, RoutingKeys.sendJob);
    await tap.consume(
      SEND_TAP,
      (message) => {
        if (!message) return;
        const occurrenceId = String(message.properties.headers?.['idempotency-key']);
        this.seen.set(occurrenceId, { at: process.hrtime.bigint(), content: message.content });
        const awaited = this.awaited;
        if (awaited?.pending.delete(occurrenceId) && awaited.pending.size === 0) awaited.done();
      },
      { noAck: true },
    );
  }

  /** One render job per customer, with the properties the scheduler's relay gives them; returns their occurrence ids. */
  private async publish(customers: SeededCustomer[], asOf: string): Promise<string[]> {
    const channel = await this.amqp!.createConfirmChannel();
    try {
      const occurrenceIds = customers.map((customer) => {
        const occurrenceId = randomUUID();
        const job = scheduler.RenderJob.encode({
          // Every field at its default first (a field RenderJob gains later stays so), then the job's.
          ...scheduler.RenderJob.decode(new Uint8Array()),
          occurrenceId,
          tenantId: this.tenantId,
          customerId: customer.id,
          ruleId: randomUUID(),
          ruleKind: scheduler.RuleKind.RULE_KIND_OVERDUE,
          step: 1,
          invoiceIds: customer.invoiceIds,
          asOf,
          attachStatementPdf: true,
          audience: { contactRoles: [], extraRecipients: [], cc: [], bcc: [] },
          testTo: '',
        }).finish();
        channel.publish(Exchanges.jobs, RoutingKeys.renderJob, Buffer.from(job), {
          persistent: true,
          mandatory: true,
          contentType: 'application/x-protobuf',
          messageId: randomUUID(),
          type: MessageTypes.renderJob,
          timestamp: Math.floor(Date.now() / 1000),
          headers: { 'tenant-id': this.tenantId, 'idempotency-key': occurrenceId, traceparent: newTraceparent() },
        });
        return occurrenceId;
      });
      await channel.waitForConfirms();
      return occurrenceIds;
    } finally {
      await channel.close();
    }
  }

  /** Waits until a send job was seen for every occurrence; fails if the renderer exits or takes far too long. */
  private async waitForSends(occurrenceIds: string[], service: ServiceProcess): Promise<Sent[]> {
    const pending = new Set(occurrenceIds.filter((id) => !this.seen.has(id)));
    if (pending.size > 0) {
      const ms = 60_000 + occurrenceIds.length * 1_000;
      let timer: NodeJS.Timeout | undefined;
      try {
        await new Promise<void>((resolve, reject) => {
          this.awaited = { pending, done: resolve };
          const fail = (why: string) => {
            const seen = occurrenceIds.length - pending.size;
            reject(new Error(`${seen} of ${occurrenceIds.length} send jobs, ${why}\n${service.output.join('')}`));
          };
          timer = setTimeout(() => fail(`then ${ms} ms passed`), ms);
          void service.exited().then((how) => fail(`then the renderer exited (${how})`));
        });
      } finally {
        clearTimeout(timer);
        this.awaited = undefined;
      }
    }
    return occurrenceIds.map((id) => this.seen.get(id)!);
  }
}

/** The SHA-256 and size of a send job's PDF; undefined when it has none. */
function attachedPdf(content: Buffer): { sha256: string; bytes: number } | undefined {
  const job = renderer.SendJob.decode(content);
  const pdf = job.attachments.find((a) => a.contentType === 'application/pdf')?.content;
  return pdf && { sha256: createHash('sha256').update(pdf).digest('hex'), bytes: pdf.length };
}

/** `base` (YYYY-MM-DD) plus `n` days. */
function days(base: string, n: number): string {
  const date = new Date(`${base}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}
