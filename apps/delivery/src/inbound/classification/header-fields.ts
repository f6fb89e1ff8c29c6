/** One "Name: value" field of a header block or of a report part; the name lower-cased. */
export interface Field {
  name: string;
  value: string;
}

export function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The fields of a block of "Name: value" lines, folded lines joined (RFC 5322 2.2.3). */
export function readFields(block: string): Field[] {
  const fields: Field[] = [];
  for (const line of normalizeLineEnds(block).split('\n')) {
    const last = fields[fields.length - 1];
    if (last && /^[ \t]+\S/.test(line)) {
      last.value = `${last.value} ${line.trim()}`.trim();
      continue;
    }
    const field = /^([A-Za-z][A-Za-z0-9_-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (field) fields.push({ name: field[1].toLowerCase(), value: field[2].trim() });
  }
  return fields;
}

/** The header section at the top of a message: up to the first empty line. */
export function headerSection(message: string): string {
  const text = normalizeLineEnds(message).replace(/^(?:[ \t]*\n)+/, '');
  const end = text.indexOf('\n\n');
  return end < 0 ? text : text.slice(0, end);
}

export function fieldValue(fields: Field[], name: string): string {
  return fields.find((field) => field.name === name)?.value ?? '';
}

export function fieldValues(fields: Field[], name: string): string[] {
  return fields.filter((field) => field.name === name).map((field) => field.value);
}

/** The MIME type of a Content-Type value, lower-cased, and its report-type parameter (RFC 6522). */
export function mimeTypeOf(contentType: string): { contentType: string; reportType: string } {
  return {
    contentType: contentType.split(';')[0].trim().toLowerCase(),
    reportType: /report-type\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1].toLowerCase() ?? '',
  };
}
