import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The shared corpus of real emails and e-invoices (never edited, never copied
 * here): CHASQUI_CORPUS if set, else `shared/corpus` beside the checkout, else
 * the workplace's /work/shared/corpus (where a clone elsewhere, e.g. CI's, finds it).
 */
export function corpusPath(...parts: string[]): string {
  const candidates = [
    process.env.CHASQUI_CORPUS,
    join(__dirname, '..', '..', '..', '..', 'shared', 'corpus'),
    '/work/shared/corpus',
  ].filter((dir): dir is string => !!dir);
  const root = candidates.find((dir) => existsSync(dir));
  if (!root) throw new Error(`the shared corpus is not at any of ${candidates.join(', ')}; set CHASQUI_CORPUS`);
  return join(root, ...parts);
}
