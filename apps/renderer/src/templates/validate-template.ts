import Mustache, { type TemplateSpanType } from 'mustache';
import type { Catalogue, CatalogueEntry } from './template-catalogue';

/** One reason a template is refused, where the tenant can find it (1-based; columns count characters, not bytes). */
export interface TemplateViolation {
  line: number;
  column: number;
  /** The name the violation is about, when it is about one. */
  variable?: string;
  message: string;
}

export interface TemplateLimits {
  /** UTF-8 bytes; default {@link DEFAULT_MAX_BYTES}. */
  maxBytes?: number;
  /** Sections inside sections; default {@link DEFAULT_MAX_DEPTH}. */
  maxDepth?: number;
}

export const DEFAULT_MAX_BYTES = 100_000;
export const DEFAULT_MAX_DEPTH = 8;
/** Beyond this many a tenant learns nothing more, and we stop building messages for a hostile template. */
export const MAX_VIOLATIONS = 20;

/**
 * Checks a tenant-authored Mustache template (a subject, an HTML body or a text body) before it is stored; [] when valid.
 *
 * What a stored template can then do when rendered:
 * - print only names of the catalogue, always escaped: `{{{x}}}` and `{{& x}}` are refused;
 * - read nothing else: partials (`{{> x}}`), the only way Mustache loads other templates, are refused;
 * - call no code: views are plain data, never functions, so no section is a lambda; and names are looked up as the
 *   catalogue's own keys, so `{{#constructor}}` or `{{toString}}`, which Mustache would find on any object's
 *   prototype (and call, in a section), are unknown;
 * - run bounded: its size and its nesting are limited, and a list only repeats over the data given.
 * Changing delimiters (`{{=<% %>=}}`) is refused too: it adds nothing but makes templates hard to read and check.
 */
export function validateTemplate(
  source: string,
  catalogue: Catalogue,
  limits: TemplateLimits = {},
): TemplateViolation[] {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
  // Before parsing: a huge template must cost no more than measuring it.
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > maxBytes) return [{ line: 1, column: 1, message: `template is ${bytes} bytes; at most ${maxBytes}` }];
  const parsed = parse(source);
  const findings =
    'tokens' in parsed ? checkTokens(parsed.tokens, [catalogue], 0, maxDepth) : [syntaxFinding(source, parsed.error)];
  return findings.slice(0, MAX_VIOLATIONS).map((finding) => toViolation(source, finding));
}

/** `line 3, column 5: unknown variable "customerNmae"`: a violation in a sentence, for logs and plain-text replies. */
export function describeViolation(violation: TemplateViolation): string {
  return `line ${violation.line}, column ${violation.column}: ${violation.message}`;
}

/** A violation while still an offset into the source: lines and columns are worked out only for those reported. */
interface Finding {
  index: number;
  variable?: string;
  message: string;
}

/**
 * A token as Mustache's parser returns it: [type, value, start, end, ...]. Sections (`#`, `^`) carry their tokens at
 * index 4 and where their closing tag starts at index 5; closing tags themselves are folded into their sections.
 */
type Token = readonly [type: TemplateSpanType, value: string, start: number, end: number, ...rest: unknown[]];

/** The delimiters the templates are written with, given explicitly: `Mustache.tags` is global and anyone may set it. */
const TAGS: [string, string] = ['{{', '}}'];

/** How many times {@link openingOfUnclosed} closes sections and parses again before giving up. */
const MAX_REPAIRS = 10;

const UNCLOSED_SECTION = /^Unclosed section "([\s\S]*)" at (\d+)$/;
const UNOPENED_SECTION = /^Unopened section "([\s\S]*)" at (\d+)$/;
const UNCLOSED_TAG = /^Unclosed tag at (\d+)$/;
const INVALID_TAGS = /^Invalid tags: /;
/** A closing tag at the start of a string, with the default delimiters, as Mustache reads it. */
const CLOSING_TAG = /^\{\{\s*\/\s*([\s\S]*?)\s*\}\}/;

/**
 * The template's tokens, or the message of the error Mustache threw. A fresh writer each time: `Mustache.parse`
 * keeps every template it has parsed in a process-wide cache without bound, which tenants' drafts must not fill.
 */
function parse(source: string): { tokens: readonly Token[] } | { error: string } {
  try {
    return { tokens: new Mustache.Writer().parse(source, TAGS) as Token[] };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Where each token breaks a rule, in source order. `depth` is how many sections enclose the tokens. */
function checkTokens(
  tokens: readonly Token[],
  scopes: readonly Catalogue[],
  depth: number,
  maxDepth: number,
): Finding[] {
  return tokens.flatMap((token) => checkToken(token, scopes, depth, maxDepth));
}

function checkToken(token: Token, scopes: readonly Catalogue[], depth: number, maxDepth: number): Finding[] {
  const [type, value, index] = token;
  switch (type) {
    case 'text':
    case '!':
      return [];
    case '&':
      return [{ index, variable: value, message: `unescaped output is not allowed; use {{${value}}}` }];
    case '>':
      return [{ index, variable: value, message: 'partials are not allowed' }];
    case '=':
      return [{ index, message: 'changing delimiters is not allowed' }];
    case 'name':
      return checkOutput(value, index, scopes);
    case '#':
    case '^':
      return checkSection(token, scopes, depth + 1, maxDepth);
  }
}

/** `{{x}}` prints x: it must name text in scope. */
function checkOutput(name: string, index: number, scopes: readonly Catalogue[]): Finding[] {
  const resolved = resolve(name, index, scopes);
  if ('finding' in resolved) return [resolved.finding];
  switch (resolved.entry.kind) {
    case 'text':
      return [];
    case 'flag':
      return [
        {
          index,
          variable: name,
          message: `"${name}" is a flag; test it with {{#${name}}}…{{/${name}}} or {{^${name}}}…{{/${name}}}`,
        },
      ];
    case 'list':
      return [{ index, variable: name, message: `"${name}" is a list; use {{#${name}}}…{{/${name}}}` }];
  }
}

/**
 * `{{#x}}…{{/x}}` repeats over a list with its items' names in scope, or shows its tokens when a flag is set or a
 * text is non-empty; `{{^x}}…{{/x}}` shows them when x is empty, in the same scope. Past the depth allowed the
 * tokens inside are not checked: one violation says enough, and it bounds this recursion.
 */
function checkSection(token: Token, scopes: readonly Catalogue[], depth: number, maxDepth: number): Finding[] {
  const [type, name, index] = token;
  if (depth > maxDepth) {
    return [{ index, variable: name, message: `sections are nested ${depth} deep; at most ${maxDepth}` }];
  }
  const resolved = resolve(name, index, scopes);
  // An unknown section still has its tokens checked, in the scope around it.
  const inner = 'entry' in resolved && type === '#' ? scopesInside(resolved.entry, scopes) : scopes;
  const own = 'finding' in resolved ? [resolved.finding] : [];
  return [...own, ...checkTokens(childrenOf(token), inner, depth, maxDepth)];
}

function scopesInside(entry: CatalogueEntry, scopes: readonly Catalogue[]): readonly Catalogue[] {
  switch (entry.kind) {
    case 'text':
    case 'flag':
      return scopes;
    case 'list':
      return [...scopes, entry.item];
  }
}

function childrenOf(token: Token): readonly Token[] {
  const children = token[4];
  return Array.isArray(children) ? (children as Token[]) : [];
}

/**
 * What a name means where it is used: the innermost list item's names first, then outward to the catalogue, as
 * Mustache looks names up. `.` is the item itself, named only when the innermost list's items are values (an entry
 * named `.`). Dotted paths are refused: a section says the same and keeps scopes simple.
 */
function resolve(
  name: string,
  index: number,
  scopes: readonly Catalogue[],
): { entry: CatalogueEntry } | { finding: Finding } {
  const unknown = (message: string) => ({ finding: { index, variable: name, message } });
  if (name === '') return unknown('empty tag');
  if (name === '.') {
    const entry = scopes.length > 1 ? ownEntry(scopes[scopes.length - 1], '.') : undefined;
    return entry ? { entry } : unknown('unknown variable "."; {{.}} names the item only inside a list of values');
  }
  if (name.includes('.')) return unknown(`dotted names are not allowed ("${name}"); use a section`);
  for (let scope = scopes.length - 1; scope >= 0; scope--) {
    const entry = ownEntry(scopes[scope], name);
    if (entry) return { entry };
  }
  return unknown(`unknown variable "${name}"`);
}

/** Own keys only: `constructor`, `toString`, `__proto__` are on every object's prototype but in no catalogue. */
function ownEntry(catalogue: Catalogue, name: string): CatalogueEntry | undefined {
  return Object.hasOwn(catalogue, name) ? catalogue[name] : undefined;
}

/** Mustache's parse error as a violation, where the tenant must look rather than where Mustache gave up. */
function syntaxFinding(source: string, error: string): Finding {
  const unopened = UNOPENED_SECTION.exec(error);
  if (unopened) {
    const [, name, at] = unopened;
    return { index: Number(at), variable: name, message: `{{/${name}}} closes a section that is not open` };
  }
  const unclosed = UNCLOSED_SECTION.exec(error);
  if (unclosed) return unclosedSection(source, unclosed[1], Number(unclosed[2]));
  if (UNCLOSED_TAG.test(error) || INVALID_TAGS.test(error)) {
    const irregular = firstIrregularTag(source);
    if (irregular?.delimiters) return { index: irregular.index, message: 'changing delimiters is not allowed' };
    if (irregular) return { index: irregular.index, message: 'tag is never closed' };
    const at = UNCLOSED_TAG.exec(error);
    return at ? { index: Number(at[1]), message: 'tag is never closed' } : { index: 0, message: error };
  }
  return { index: 0, message: `template cannot be parsed: ${error}` };
}

/**
 * Mustache says a section is unclosed at the closing tag of another (`{{#a}}{{/b}}`), or at the end of the template
 * when it is never closed; then the tenant needs the line that opened it.
 */
function unclosedSection(source: string, name: string, at: number): Finding {
  if (at < source.length) {
    const closing = CLOSING_TAG.exec(source.slice(at));
    const found = closing ? ` before {{/${closing[1]}}}` : '';
    return {
      index: at,
      variable: name,
      message: `section "${name}" is still open; close it with {{/${name}}}${found}`,
    };
  }
  const opening = firstIrregularTag(source)?.delimiters ? undefined : openingOfUnclosed(source, name);
  return { index: opening ?? at, variable: name, message: `section "${name}" is never closed; add {{/${name}}}` };
}

/**
 * Where the innermost section left open at the end of the template starts. Mustache names it but not where it is:
 * close it, and every section it reports open after, then parse again and find the section closed at the old end.
 * A template whose sections need more than a few closings keeps the end as the place.
 */
function openingOfUnclosed(source: string, name: string): number | undefined {
  let closings = '';
  let missing = name;
  for (let attempt = 0; attempt < MAX_REPAIRS; attempt++) {
    closings += `{{/${missing}}}`;
    const repaired = source + closings;
    const parsed = parse(repaired);
    if ('tokens' in parsed) return sectionClosedAt(parsed.tokens, source.length);
    const next = UNCLOSED_SECTION.exec(parsed.error);
    if (!next || Number(next[2]) !== repaired.length) return undefined;
    missing = next[1];
  }
  return undefined;
}

/** Where the section whose closing tag starts at `closedAt` starts. A loop, not recursion: nesting is unchecked here. */
function sectionClosedAt(tokens: readonly Token[], closedAt: number): number | undefined {
  const pending = [...tokens];
  for (let token = pending.pop(); token; token = pending.pop()) {
    if ((token[0] === '#' || token[0] === '^') && token[5] === closedAt) return token[2];
    pending.push(...childrenOf(token));
  }
  return undefined;
}

/**
 * The first tag that is never closed, or the first that changes delimiters, read as Mustache reads tags with the
 * default delimiters; Mustache's errors locate neither. It stops at a delimiter change: past it tags look different.
 */
function firstIrregularTag(source: string): { index: number; delimiters: boolean } | undefined {
  const opening = /\{\{\s*([{=]?)/g;
  for (let match = opening.exec(source); match; match = opening.exec(source)) {
    if (match[1] === '=') return { index: match.index, delimiters: true };
    const closing = match[1] === '{' ? '}}}' : '}}';
    const end = source.indexOf(closing, opening.lastIndex);
    if (end < 0) return { index: match.index, delimiters: false };
    opening.lastIndex = end + closing.length;
  }
  return undefined;
}

function toViolation(source: string, { index, variable, message }: Finding): TemplateViolation {
  return { ...locate(source, index), ...(variable === undefined ? {} : { variable }), message };
}

/**
 * 1-based line and column of a UTF-16 offset. Lines end at `\n` (so also at `\r\n`); columns count code points, so
 * an emoji earlier on the line counts as the one character the tenant sees.
 */
function locate(source: string, index: number): { line: number; column: number } {
  const at = Math.min(Math.max(index, 0), source.length);
  let line = 1;
  let lineStart = 0;
  for (
    let newline = source.indexOf('\n');
    newline !== -1 && newline < at;
    newline = source.indexOf('\n', newline + 1)
  ) {
    line++;
    lineStart = newline + 1;
  }
  return { line, column: [...source.slice(lineStart, at)].length + 1 };
}
