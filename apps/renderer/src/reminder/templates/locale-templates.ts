/** Mustache templates for one reminder kind; every value goes in with {{ }}. The HTML is the body, inside the layout. */
export interface EmailTemplates {
  subject: string;
  /** The sender's display name; '' or absent: the tenant's sender settings. */
  fromName?: string;
  html: string;
  text: string;
}

/** What a reminder is about: the rule kind that decided it. */
export type ReminderKind =
  'overdue' | 'due_soon' | 'invoice_issued' | 'statement' | 'account_closing' | 'account_closed';

export interface LocaleTemplates {
  /** BCP 47, for the documents' lang attribute. */
  lang: string;
  /** The payment instructions, for a tenant's body that does not place them itself. */
  payment: { html: string; text: string };
  /** Links to the invoice documents too large to attach. */
  documents: { html: string; text: string };
  /** One email per kind: its subject and opening line say what the reminder is about. */
  emails: Record<ReminderKind, EmailTemplates>;
  statement: {
    html: string;
    /** Start of the PDF's file name, e.g. 'estado-de-cuenta'. */
    filename: string;
  };
}
