/** Mustache templates for one reminder kind; every value goes in with {{ }}. */
export interface EmailTemplates {
  subject: string;
  html: string;
  text: string;
}

/** What a reminder is about: the rule kind that decided it. */
export type ReminderKind =
  'overdue' | 'due_soon' | 'invoice_issued' | 'statement' | 'account_closing' | 'account_closed';

export interface LocaleTemplates {
  /** One email per kind: its subject and opening line say what the reminder is about. */
  emails: Record<ReminderKind, EmailTemplates>;
  statement: {
    html: string;
    /** Start of the PDF's file name, e.g. 'estado-de-cuenta'. */
    filename: string;
  };
}
