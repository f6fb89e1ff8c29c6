import type { TemplateLocale } from '../resolve-locale';
import { en } from './en';
import { esCL } from './es-cl';
import { esMX } from './es-mx';
import type { LocaleTemplates } from './locale-templates';

export type { EmailTemplates, LocaleTemplates, ReminderKind } from './locale-templates';

/** The templates every tenant starts with. */
export const DEFAULT_TEMPLATES: Record<TemplateLocale, LocaleTemplates> = { 'es-MX': esMX, 'es-CL': esCL, en };
