import type { EmailTemplates, ReminderKind } from '../reminder/templates';
import type { TemplateLocale } from '../reminder/resolve-locale';

/** A tenant's template as stored: its current version's content. */
export interface StoredTemplate {
  id: string;
  tenantId: string;
  kind: ReminderKind;
  locale: TemplateLocale;
  name: string;
  active: boolean;
  version: number;
  content: Required<EmailTemplates>;
  updatedAt: Date;
}

export interface TemplateUsage {
  emailsRendered: number;
  customersReached: number;
  activeRules: number;
}

/** The template a rendition used: a version of a tenant's, or the built-in default (nothing). */
export interface ChosenTemplate {
  templateId?: string;
  version?: number;
  content?: EmailTemplates;
}
