import { Parser } from 'htmlparser2';
import type { TemplateViolation } from './validate-template';

/**
 * Elements an email body has no use for and that run code, load other documents or
 * collect input. Mail clients strip most of them anyway; refusing them on save keeps a
 * tenant from believing they work, and keeps the preview page's frame plain.
 */
const REFUSED_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'link',
  'meta',
  'base',
  'svg',
  'math',
]);

/** URL attributes whose value must not be code. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'background', 'xlink:href']);

/**
 * What in a tenant's HTML body could run code or load documents, where it is: script
 * and embedding elements, event handlers (`on…`), `javascript:` / `vbscript:` URLs.
 * Mustache tags inside the HTML are text to this reader; the template check judges them.
 */
export function checkEmailHtml(source: string): TemplateViolation[] {
  const violations: TemplateViolation[] = [];
  const at = (index: number) => position(source, index);
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const where = at(parser.startIndex);
        if (REFUSED_ELEMENTS.has(name)) {
          violations.push({ ...where, message: `<${name}> is not allowed in an email body` });
        }
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute.startsWith('on')) {
            violations.push({ ...where, message: `the event handler ${attribute}= is not allowed` });
          } else if (
            URL_ATTRIBUTES.has(attribute) &&
            /^\s*(javascript|vbscript):/i.test(value.replace(/[\s\0]/g, ''))
          ) {
            violations.push({ ...where, message: `a ${attribute.split(':')[0]}= that runs code is not allowed` });
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(source);
  return violations.slice(0, 20);
}

function position(source: string, index: number): { line: number; column: number } {
  const before = source.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}
