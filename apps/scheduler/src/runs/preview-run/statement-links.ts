import { LINK_DAYS, signStatementLink, statementUrl } from '@chasqui/statement-links';

/** How the scheduler hands out statement links the renderer opens: the shared key and the renderer's address. */
export interface StatementLinks {
  secret: string;
  base: string;
}

export const STATEMENT_LINKS = Symbol('STATEMENT_LINKS');

/** A customer's statement as of a date, openable for LINK_DAYS from `now`. */
export function statementLink(
  links: StatementLinks,
  link: { tenantId: string; customerId: string; asOf: string },
  now: Date,
): string {
  const expiresAt = Math.floor(now.getTime() / 1000) + LINK_DAYS * 86_400;
  return statementUrl(links.base, signStatementLink(links.secret, { ...link, expiresAt }));
}
