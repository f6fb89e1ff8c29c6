import { resolveLocale } from './resolve-locale';

describe('resolveLocale', () => {
  it.each([
    // job's, customer's, tenant's → templates, formatting
    ['en', 'es-CL', 'es-MX', 'en', 'en'],
    [undefined, 'es-CL', 'es-MX', 'es-CL', 'es-CL'],
    [undefined, '', 'es-CL', 'es-CL', 'es-CL'], // an empty customer locale means the tenant's
    [undefined, undefined, 'en', 'en', 'en'],
    [undefined, undefined, undefined, 'es-MX', 'es-MX'],
    ['', '', '', 'es-MX', 'es-MX'],
    ['ES-mx', undefined, undefined, 'es-MX', 'es-MX'],
    ['es_CL', undefined, undefined, 'es-CL', 'es-CL'],
    // by language: Spanish text, the reader's own numbers and dates
    ['es-AR', undefined, undefined, 'es-MX', 'es-AR'],
    [undefined, 'es-419', 'en', 'es-MX', 'es-419'],
    ['es', undefined, undefined, 'es-MX', 'es-MX'],
    ['en-GB', undefined, undefined, 'en', 'en-GB'],
    // no template in that language: English throughout
    ['pt-BR', 'es-CL', 'es-MX', 'en', 'en'],
    // not a locale at all: skipped
    ['not a locale!', 'es-CL', 'es-MX', 'es-CL', 'es-CL'],
  ])('(%p, %p, %p) → %s templates, %s formatting', (job, customer, tenant, templates, format) => {
    expect(resolveLocale(job, customer, tenant)).toEqual({ templates, format });
  });
});
