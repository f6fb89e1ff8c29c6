/** The locales templates ship in; the first is the default. */
export const TEMPLATE_LOCALES = ['es-MX', 'es-CL', 'en'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

export interface ResolvedLocale {
  /** Which templates speak to the reader. */
  templates: TemplateLocale;
  /** How money and dates are written: the reader's own locale when it shares the templates' language (es-AR reads es-MX text with Argentine numbers). */
  format: string;
}

/**
 * The first locale given (skipping empty or malformed ones), else es-MX; matched
 * to the templates exactly, else by language, else English.
 */
export function resolveLocale(...preferences: Array<string | undefined>): ResolvedLocale {
  const wanted = preferences.map(canonical).find((tag) => tag !== undefined) ?? TEMPLATE_LOCALES[0];
  const exact = TEMPLATE_LOCALES.find((tag) => tag.toLowerCase() === wanted.toLowerCase());
  if (exact) return { templates: exact, format: exact };
  const wantedLocale = new Intl.Locale(wanted);
  const sameLanguage = TEMPLATE_LOCALES.find((tag) => new Intl.Locale(tag).language === wantedLocale.language);
  if (!sameLanguage) return { templates: 'en', format: 'en' };
  return { templates: sameLanguage, format: wantedLocale.region ? wanted : sameLanguage };
}

function canonical(tag: string | undefined): string | undefined {
  const trimmed = tag?.trim().replace(/_/g, '-');
  if (!trimmed) return undefined;
  try {
    return Intl.getCanonicalLocales(trimmed)[0];
  } catch {
    return undefined; // not BCP 47: as if not given
  }
}
