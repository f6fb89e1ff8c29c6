export {
  LINK_DAYS,
  openStatementLink,
  signStatementLink,
  statementUrl,
  StatementLinkIssuer,
  type OpenedLink,
  type StatementLink,
} from './statement-link';
