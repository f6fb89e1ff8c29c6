import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const APPS = readdirSync(join(ROOT, 'apps'));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name === 'gen') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

/** Where an import lands: 'apps/<name>', 'libs/<name>', or the package name. */
function owner(file: string, specifier: string): string {
  if (specifier.startsWith('.')) {
    const parts = relative(ROOT, resolve(file, '..', specifier)).split(sep);
    return parts.slice(0, 2).join('/');
  }
  const scoped = /^@chasqui\/([a-z-]+)(\/.*)?$/.exec(specifier);
  if (!scoped) return specifier;
  return APPS.includes(scoped[1]) ? `apps/${scoped[1]}` : `libs/${scoped[1]}${scoped[2] ?? ''}`;
}

describe('module boundaries', () => {
  it.each(APPS)('apps/%s imports no other app', (app) => {
    const offending = sources(join(ROOT, 'apps', app)).flatMap((file) =>
      imports(file)
        .filter((s) => owner(file, s).startsWith('apps/') && owner(file, s) !== `apps/${app}`)
        .map((s) => `${relative(ROOT, file)} -> ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it('libs import no app, and nothing deep-imports a lib past its index', () => {
    const files = [...sources(join(ROOT, 'libs')), ...sources(join(ROOT, 'apps')), ...sources(join(ROOT, 'tests'))];
    const offending = files.flatMap((file) =>
      imports(file)
        .filter((s) => {
          const target = owner(file, s);
          const fromLib = relative(ROOT, file).startsWith('libs');
          return (fromLib && target.startsWith('apps/')) || /^@chasqui\/[a-z-]+\//.test(s);
        })
        .map((s) => `${relative(ROOT, file)} -> ${s}`),
    );
    expect(offending).toEqual([]);
  });
});
