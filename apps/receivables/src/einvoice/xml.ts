import { XMLParser } from 'fast-xml-parser';

/** An XML element as the parser gives it: attributes and children by local name. */
export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
});

/**
 * Reads XML bytes in the encoding their declaration names (SII documents are
 * ISO-8859-1 or windows-1252, SAT's UTF-8). Documents with a DTD are refused:
 * no e-invoice has one, and entity expansion is how XML bombs work.
 */
export function readXml(bytes: Uint8Array): { ok: true; root: XmlNode } | { ok: false; reason: string } {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1] ?? 'utf-8';
  let text: string;
  try {
    text = new TextDecoder(declared.toLowerCase(), { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: `is not readable as ${declared}` };
  }
  if (/<!DOCTYPE/i.test(text)) return { ok: false, reason: 'has a DTD (<!DOCTYPE>); e-invoices have none' };
  try {
    return { ok: true, root: parser.parse(text, true) as XmlNode };
  } catch (error) {
    return { ok: false, reason: `is not well-formed XML: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** The child element(s) of that local name, always as a list. */
export function children(node: unknown, name: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const value = (node as XmlNode)[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'object' && v ? (v as XmlNode) : {}));
}

export function child(node: unknown, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/** Text of a child element, or '' when absent. */
export function text(node: unknown, name: string): string {
  if (!node || typeof node !== 'object') return '';
  const value = (node as XmlNode)[name];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string' || typeof first === 'number') return String(first).trim();
  if (first && typeof first === 'object' && '#text' in first) return String((first as XmlNode)['#text']).trim();
  return '';
}

/** An attribute by name, ignoring case (CFDI 3.2 writes "folio", 3.3 and 4.0 "Folio"). */
export function attr(node: XmlNode | undefined, name: string): string {
  if (!node) return '';
  const wanted = `@${name}`.toLowerCase();
  for (const [key, value] of Object.entries(node)) {
    if (key.toLowerCase() === wanted) return String(value).trim();
  }
  return '';
}
