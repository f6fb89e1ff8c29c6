import type { receivables } from '@chasqui/contracts';

const TYPES: Record<string, string> = {
  ATTACHMENT_KIND_XML: 'application/xml',
  ATTACHMENT_KIND_PDF: 'application/pdf',
};

/** The MIME type of an invoice document receivables stores, for an email part or a download. */
export const documentType = (kind: receivables.AttachmentKind | undefined): string =>
  TYPES[kind ?? ''] ?? 'application/octet-stream';
