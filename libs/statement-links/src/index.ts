export {
  LINK_DAYS,
  openStatementLink,
  signStatementLink,
  statementUrl,
  type OpenedLink,
  type StatementLink,
} from './statement-link';
