import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

export type SvgReading = { ok: true; svg: string; width: number; height: number } | { ok: false; reason: string };

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';

/**
 * Elements that only draw. Everything else goes with its whole subtree: script, foreignObject (HTML inside SVG),
 * image and feImage (fetches), a (navigation), style (CSS can fetch and hide), animate and set (they can rewrite an
 * allowed attribute into a dangerous one after sanitising), and editor metadata nobody needs in a logo.
 */
const ALLOWED_ELEMENTS: ReadonlySet<string> = new Set([
  'svg',
  'g',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'defs',
  'linearGradient',
  'radialGradient',
  'stop',
  'clipPath',
  'mask',
  'title',
  'desc',
  'symbol',
  'use',
]);

/** Attributes that only shape or paint. Event handlers (`on*`) and anything that names a resource are left out. */
const ALLOWED_ATTRIBUTES: ReadonlySet<string> = new Set([
  'd',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'width',
  'height',
  'viewBox',
  'fill',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'fill-opacity',
  'fill-rule',
  'clip-rule',
  'stroke-opacity',
  'transform',
  'points',
  'offset',
  'stop-color',
  'stop-opacity',
  'gradientUnits',
  'gradientTransform',
  'id',
  'class',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'preserveAspectRatio',
  'version',
  'clip-path',
  'mask',
  'style',
]);

const ATTRIBUTE_PREFIX = '@_';
const ATTRIBUTES_KEY = ':@';
const TEXT_KEY = '#text';
const CDATA_KEY = '#cdata';

/**
 * The parser keeps text exactly as written (no entity expansion, no trimming, no number parsing): entities are
 * decoded here, strictly, so that checks see what a browser would see and nothing is expanded that was not declared.
 * The declaration and processing instructions (`<?xml-stylesheet?>` would load CSS) are dropped; comments are not kept.
 */
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: CDATA_KEY,
  ignoreDeclaration: true,
  ignorePiTags: true,
  allowBooleanAttributes: false,
});

/** The builder escapes every text and attribute value it writes, which is why values are held decoded. */
const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  processEntities: true,
  suppressEmptyNode: true,
  format: false,
});

/** An ordered node as fast-xml-parser writes it with `preserveOrder`: one key naming it, and `:@` for attributes. */
type OrderedNode = Record<string, unknown>;

/** Thrown inside the walk when the document is not well-formed XML after all; turned into a reason at the top. */
class SvgParseError extends Error {}

/**
 * Reads an SVG logo and rewrites it by allow-list: only drawing elements and attributes survive, so whatever the
 * uploader's editor or an attacker put around them (script, event handlers, external references, CSS) cannot run or
 * fetch anything wherever the logo is later shown, inline in HTML included. A DOCTYPE is refused rather than cleaned:
 * it exists to declare entities, which is how XML bombs and external-entity reads are written.
 */
/** How many `<use>` references a logo may hold. */
export const MAX_USES = 32;

export function readSvg(bytes: Buffer): SvgReading {
  const text = new TextDecoder('utf-8').decode(bytes);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return refuse('must not declare a DOCTYPE or entities');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return refuse(`the SVG does not parse: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  }
  try {
    const root = singleRoot(parseOrdered(text));
    if (root === undefined) return refuse('must have a single <svg> root element');
    const svg = sanitiseRoot(root);
    const { width, height } = intrinsicSize(attributesOf(svg));
    const built: string = builder.build([svg]);
    const uses = built.match(/<use\b/g)?.length ?? 0;
    // Each <use> may repeat a group holding more of them: a few nested levels multiply into millions of
    // shapes that would stall every render drawing the logo. A logo needs a handful.
    if (uses > MAX_USES) return refuse(`repeats shapes with <use> ${uses} times; at most ${MAX_USES}`);
    return { ok: true, svg: built, width, height };
  } catch (error) {
    return refuse(`the SVG does not parse: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseOrdered(text: string): OrderedNode[] {
  const parsed: unknown = parser.parse(text);
  if (!Array.isArray(parsed)) throw new SvgParseError('no elements found');
  return parsed.filter(isNode);
}

/** The one top-level element, when it is `svg`; stray text outside it would make the document invalid XML. */
function singleRoot(nodes: OrderedNode[]): OrderedNode | undefined {
  const elements = nodes.filter((node) => elementName(node) !== undefined);
  const strayText = nodes.some((node) => textOf(node).trim() !== '');
  if (strayText) throw new SvgParseError('text outside the root element');
  return elements.length === 1 && elementName(elements[0]) === 'svg' ? elements[0] : undefined;
}

/**
 * The root always gets the SVG namespace: without it a browser does not draw the file as an image, and an uploaded
 * `xmlns` naming anything else (XHTML) would turn the content into another language.
 */
function sanitiseRoot(root: OrderedNode): OrderedNode {
  const svg = sanitiseElement(root, 'svg');
  svg[ATTRIBUTES_KEY] = { [`${ATTRIBUTE_PREFIX}xmlns`]: SVG_NAMESPACE, ...attributesOf(svg) };
  return svg;
}

function sanitiseElement(node: OrderedNode, name: string): OrderedNode {
  const kept: OrderedNode = { [name]: childrenOf(node[name]).flatMap(sanitiseChild) };
  const attributes = sanitiseAttributes(node[ATTRIBUTES_KEY]);
  if (Object.keys(attributes).length > 0) kept[ATTRIBUTES_KEY] = attributes;
  return kept;
}

/** Text is kept (decoded, to be escaped on output), CDATA becomes text, and disallowed elements vanish whole. */
function sanitiseChild(node: OrderedNode): OrderedNode[] {
  const text = node[TEXT_KEY];
  if (typeof text === 'string') return [{ [TEXT_KEY]: decodeEntities(text) }];
  const cdata = node[CDATA_KEY];
  if (cdata !== undefined) return [{ [TEXT_KEY]: childrenOf(cdata).map(textOf).join('') }];
  const name = elementName(node);
  return name !== undefined && ALLOWED_ELEMENTS.has(name) ? [sanitiseElement(node, name)] : [];
}

function sanitiseAttributes(raw: unknown): Record<string, string> {
  const kept: Record<string, string> = {};
  if (typeof raw !== 'object' || raw === null) return kept;
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith(ATTRIBUTE_PREFIX) || typeof value !== 'string') continue;
    const name = key.slice(ATTRIBUTE_PREFIX.length);
    const decoded = decodeEntities(value);
    if (isAllowedAttribute(name, decoded)) kept[key] = decoded;
  }
  return kept;
}

/**
 * Judged on the decoded value, so `&#106;avascript:` is seen as `javascript:`. A backslash is refused everywhere:
 * CSS escapes (`u\72 l(`) would spell a forbidden function past these checks, and no drawing value needs one.
 */
export function isAllowedAttribute(name: string, value: string): boolean {
  if (value.includes('\\') || /(?:java|vb)script:/.test(compact(value))) return false;
  if (name === 'href' || name === 'xlink:href') return value.startsWith('#');
  if (name === 'xmlns:xlink') return value === XLINK_NAMESPACE;
  if (!ALLOWED_ATTRIBUTES.has(name) || !onlyLocalUrls(value)) return false;
  return name !== 'style' || isInertStyle(value);
}

/**
 * `url(#gradient)` points inside the logo; any other `url(` (http, data, a relative file) makes the renderer fetch,
 * which leaks who is looking and when.
 */
function onlyLocalUrls(value: string): boolean {
  for (const match of value.matchAll(/url\s*\(\s*['"]?\s*(.?)/gi)) {
    if (match[1] !== '#') return false;
  }
  return true;
}

/**
 * Inline CSS beyond plain paint: `expression(` (script in old IE), `@import` (a fetch), `-moz-binding` and
 * `behavior` (script bindings), and comments, which have been used to split those words past filters like this one.
 */
function isInertStyle(style: string): boolean {
  return !/expression\(|@import|-moz-binding|behavior:|\/\*/.test(compact(style));
}

/** Lowercase without whitespace or control characters, which browsers skip inside scheme names and CSS keywords. */
function compact(value: string): string {
  return value.toLowerCase().replace(/[\s\p{Cc}]+/gu, '');
}

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * XML's five predefined entities and character references; with no DOCTYPE nothing else is declared, so any other
 * `&name;` (or a bare `&`) is malformed XML, as a browser would also find it.
 */
function decodeEntities(text: string): string {
  return text.replace(/&([^;&\s]*);?/g, (reference: string, body: string) => {
    if (!reference.endsWith(';')) throw new SvgParseError(`unescaped "&" in "${abbreviate(text)}"`);
    const predefined = PREDEFINED_ENTITIES[body];
    if (predefined !== undefined) return predefined;
    const numeric = /^#(?:x([0-9a-f]+)|([0-9]+))$/i.exec(body);
    const codePoint = numeric ? parseInt(numeric[1] ?? numeric[2], numeric[1] ? 16 : 10) : undefined;
    if (codePoint === undefined) throw new SvgParseError(`undefined entity "${reference}"`);
    if (!isXmlChar(codePoint)) throw new SvgParseError(`character reference "${reference}" is not allowed in XML`);
    return String.fromCodePoint(codePoint);
  });
}

/** XML 1.0's Char production: no NULs, other C0 controls, surrogates or non-characters, even by reference. */
function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * The size the SVG asks to be drawn at, in CSS pixels: `width`/`height` when both are absolute lengths, the viewBox
 * (scaled to the one length given, if any) otherwise, and 0 where neither says; percentages say nothing here.
 */
export function intrinsicSize(attributes: Record<string, string>): { width: number; height: number } {
  const width = cssPixels(attributes[`${ATTRIBUTE_PREFIX}width`]);
  const height = cssPixels(attributes[`${ATTRIBUTE_PREFIX}height`]);
  const box = viewBoxSize(attributes[`${ATTRIBUTE_PREFIX}viewBox`]);
  if (width !== undefined && height !== undefined) return rounded(width, height);
  if (box === undefined) return rounded(width ?? 0, height ?? 0);
  if (width !== undefined) return rounded(width, box.width > 0 ? (width * box.height) / box.width : 0);
  if (height !== undefined) return rounded(box.height > 0 ? (height * box.width) / box.height : 0, height);
  return rounded(box.width, box.height);
}

/** CSS pixels per unit for the absolute units SVG lengths may carry (96 px to the inch). */
const PIXELS_PER_UNIT: Readonly<Record<string, number>> = {
  '': 1,
  px: 1,
  pt: 96 / 72,
  pc: 16,
  in: 96,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
};

function cssPixels(length: string | undefined): number | undefined {
  const match = /^\s*(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?\s*([a-z]*)\s*$/i.exec(length ?? '');
  const factor = match ? PIXELS_PER_UNIT[match[3].toLowerCase()] : undefined;
  if (!match || factor === undefined) return undefined;
  const pixels = Number(`${match[1]}e${match[2] ?? '0'}`) * factor;
  return Number.isFinite(pixels) ? pixels : undefined;
}

function viewBoxSize(viewBox: string | undefined): { width: number; height: number } | undefined {
  const parts = (viewBox ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (parts.length !== 4 || !parts.every(Number.isFinite) || parts[2] < 0 || parts[3] < 0) return undefined;
  return { width: parts[2], height: parts[3] };
}

function rounded(width: number, height: number): { width: number; height: number } {
  return { width: Math.round(width), height: Math.round(height) };
}

function childrenOf(value: unknown): OrderedNode[] {
  return Array.isArray(value) ? value.filter(isNode) : [];
}

function textOf(node: OrderedNode): string {
  const text = node[TEXT_KEY];
  return typeof text === 'string' ? text : '';
}

function elementName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ATTRIBUTES_KEY && !key.startsWith('#') && !key.startsWith('?'));
}

function attributesOf(node: OrderedNode): Record<string, string> {
  const attributes = node[ATTRIBUTES_KEY];
  return typeof attributes === 'object' && attributes !== null ? (attributes as Record<string, string>) : {};
}

function isNode(value: unknown): value is OrderedNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refuse(reason: string): SvgReading {
  return { ok: false, reason };
}
