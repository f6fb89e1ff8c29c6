import { receivables } from '@chasqui/contracts';
import type { AttachmentView } from '../invoice-documents';

const KINDS = {
  xml: receivables.AttachmentKind.ATTACHMENT_KIND_XML,
  pdf: receivables.AttachmentKind.ATTACHMENT_KIND_PDF,
};

export const toAttachmentProto = (attachment: AttachmentView): receivables.Attachment => ({
  ...attachment,
  kind: KINDS[attachment.kind],
  sizeBytes: String(attachment.sizeBytes),
});
