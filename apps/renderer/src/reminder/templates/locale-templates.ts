/** Mustache templates for one reminder kind; every value goes in with {{ }}. */
export interface EmailTemplates {
  subject: string;
  html: string;
  text: string;
}

export interface LocaleTemplates {
  overdue: EmailTemplates;
  statement: {
    html: string;
    /** Start of the PDF's file name, e.g. 'estado-de-cuenta'. */
    filename: string;
  };
}
