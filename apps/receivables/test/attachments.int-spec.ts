import { status } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { readBadRequest, serviceMetadata } from '@chasqui/grpc';
import { corpusPath } from '@chasqui/testing';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { concatMap, firstValueFrom, toArray } from 'rxjs';
import { call, failure } from './support/calls';
import { ReceivablesServer } from './support/receivables-server';

jest.setTimeout(120_000);

const CFDI = readFileSync(corpusPath('einvoice', 'cfdi', 'cfdiutils-cfdi40-real.xml'));
const { AttachmentKind } = receivables;
describe("an invoice's documents", () => {
  const server = new ReceivablesServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('files the XML once by its digest, and reminders wait for it where the tenant requires it', async () => {
    const { id: tenantId, auth } = await server.tenant({
      settings: {
        requireAttachments: true,
        defaultPaymentTermDays: 30,
        centsToleranceMinor: '0',
        pastInvoicesStartDate: '',
        newInvoicesStartDate: '',
      },
    });
    const { customer } = await call(
      server.client.createCustomer(
        { externalId: 'X', legalName: 'Cliente', taxId: '', timeZone: '', locale: '', contacts: [] },
        auth,
      ),
    );
    const { invoice } = await call(
      server.client.createInvoice(
        {
          customerId: customer!.id,
          series: 'O',
          folio: '52375239',
          issueDate: '2025-01-24',
          dueDate: '2025-02-23',
          currency: 'MXN',
          totalMinor: '100000',
        },
        auth,
      ),
    );
    const ready = async () =>
      (
        await firstValueFrom(
          server.client
            .listCollectibles(
              { dueFrom: '', dueTo: '', issuedFrom: '', customerId: '', changedSince: '', invoiceIds: [] },
              serviceMetadata('dev-service-token', tenantId),
            )
            .pipe(
              concatMap((page) => page.collectibles),
              toArray(),
            ),
        )
      )[0].documentsReady;
    expect(await ready()).toBe(false);

    const request = {
      invoiceId: invoice!.id,
      kind: AttachmentKind.ATTACHMENT_KIND_XML,
      filename: 'O-52375239.xml',
      content: CFDI,
    };
    const first = await call(server.client.attachDocument(request, auth));
    expect(first.attachment).toMatchObject({
      sha256: createHash('sha256').update(CFDI).digest('hex'),
      sizeBytes: String(CFDI.length),
    });
    const again = await call(server.client.attachDocument(request, auth));
    expect(again.attachment!.id).toBe(first.attachment!.id);
    expect(await ready()).toBe(true);
    const { rows } = await server.sql.query(
      'select count(*)::int as n, bool_and(content = $1) as same from receivables.attachments',
      [CFDI],
    );
    expect(rows[0]).toEqual({ n: 1, same: true });
  });

  it.each([
    ['a PDF filed as the XML', AttachmentKind.ATTACHMENT_KIND_XML, Buffer.from('%PDF-1.7\n...'), 'content'],
    ['an XML filed as the PDF', AttachmentKind.ATTACHMENT_KIND_PDF, CFDI, 'content'],
    [
      'more than 5 MB',
      AttachmentKind.ATTACHMENT_KIND_PDF,
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5 * 1024 * 1024)]),
      'content',
    ],
    ['no kind', AttachmentKind.ATTACHMENT_KIND_UNSPECIFIED, CFDI, 'kind'],
  ])('refuses %s, naming the field', async (_, kind, content, field) => {
    const { auth } = await server.tenant();
    const { customer } = await call(
      server.client.createCustomer(
        { externalId: 'Y', legalName: 'Cliente', taxId: '', timeZone: '', locale: '', contacts: [] },
        auth,
      ),
    );
    const { invoice } = await call(
      server.client.createInvoice(
        {
          customerId: customer!.id,
          series: 'B',
          folio: '1',
          issueDate: '2026-01-01',
          dueDate: '',
          currency: 'MXN',
          totalMinor: '1',
        },
        auth,
      ),
    );
    const error = await failure(
      server.client.attachDocument({ invoiceId: invoice!.id, kind, filename: 'f', content }, auth),
    );
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(readBadRequest(error).map((v) => v.field)).toContain(field);
  });

  it('gives the renderer the latest XML and PDF of each invoice within a size, the rest by name, and nothing of another tenant', async () => {
    const { id: tenantId, auth } = await server.tenant();
    const other = await server.tenant();
    const { customer } = await call(
      server.client.createCustomer(
        { externalId: 'D', legalName: 'Cliente', taxId: '', timeZone: '', locale: '', contacts: [] },
        auth,
      ),
    );
    const invoice = async (folio: string) =>
      (
        await call(
          server.client.createInvoice(
            {
              customerId: customer!.id,
              series: 'D',
              folio,
              issueDate: '2026-01-01',
              dueDate: '',
              currency: 'MXN',
              totalMinor: '100',
            },
            auth,
          ),
        )
      ).invoice!;
    const [first, second] = [await invoice('1'), await invoice('2')];
    const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size, 0x20)]);
    const attach = (invoiceId: string, kind: receivables.AttachmentKind, filename: string, content: Buffer) =>
      call(server.client.attachDocument({ invoiceId, kind, filename, content }, auth));
    await attach(first.id, AttachmentKind.ATTACHMENT_KIND_PDF, 'D-1-old.pdf', pdf(100));
    await attach(first.id, AttachmentKind.ATTACHMENT_KIND_PDF, 'D-1.pdf', pdf(200));
    await attach(first.id, AttachmentKind.ATTACHMENT_KIND_XML, 'D-1.xml', Buffer.from('<a/>'));
    await attach(second.id, AttachmentKind.ATTACHMENT_KIND_PDF, 'D-2.pdf', pdf(5_000));

    const listed = await call(
      server.client.listDocuments(
        { invoiceIds: [second.id, first.id], maxBytes: '1000' },
        serviceMetadata('dev-service-token', tenantId),
      ),
    );
    expect(listed.documents.map((d) => [d.attachment!.filename, Buffer.from(d.content).length])).toEqual([
      ['D-1.xml', 4],
      ['D-1.pdf', 209],
    ]);
    expect(listed.leftOut.map((a) => a.filename)).toEqual(['D-2.pdf']);

    const { document } = await call(
      server.client.getDocument(
        { attachmentId: listed.leftOut[0]!.id },
        serviceMetadata('dev-service-token', tenantId),
      ),
    );
    expect(Buffer.from(document!.content).length).toBe(5_009);
    const walled = await call(
      server.client.listDocuments(
        { invoiceIds: [first.id], maxBytes: '100000' },
        serviceMetadata('dev-service-token', other.id),
      ),
    );
    expect([walled.documents, walled.leftOut]).toEqual([[], []]);
    const notTheirs = await failure(
      server.client.getDocument(
        { attachmentId: listed.leftOut[0]!.id },
        serviceMetadata('dev-service-token', other.id),
      ),
    );
    expect(notTheirs.code).toBe(status.NOT_FOUND);
    const byKey = await failure(server.client.listDocuments({ invoiceIds: [first.id], maxBytes: '1' }, auth));
    expect(byKey.code).toBe(status.PERMISSION_DENIED);
  });
});
