export {
  LINK_DAYS,
  openStatementLink,
  signStatementLink,
  statementUrl,
  StatementLinkIssuer,
  type OpenedLink,
  type StatementLink,
} from './statement-link';
export { documentUrl, openDocumentLink, signDocumentLink, type DocumentLink } from './document-link';
