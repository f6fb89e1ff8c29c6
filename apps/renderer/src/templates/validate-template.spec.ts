import Mustache from 'mustache';
import type { Catalogue } from './template-catalogue';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
  MAX_VIOLATIONS,
  describeViolation,
  validateTemplate,
  type TemplateViolation,
} from './validate-template';

const text = (description: string) => ({ kind: 'text', description }) as const;
const flag = (description: string) => ({ kind: 'flag', description }) as const;

/** A catalogue shaped like the reminder view's, for these tests only. */
const catalogue: Catalogue = {
  company: text('The tenant’s trade name'),
  customerName: text('The customer’s legal name'),
  balance: text('What the customer owes, formatted'),
  statementUrl: text('Where the statement opens; empty when there is no link'),
  single: flag('Whether the reminder is about one invoice'),
  statementAttached: flag('Whether the statement PDF is attached'),
  invoices: {
    kind: 'list',
    description: 'The invoices reminded of',
    item: {
      number: text('The invoice number'),
      dueDate: text('When it was due'),
      balance: text('What is still owed on it'),
      isOverdue: flag('Whether it is past due'),
      payments: {
        kind: 'list',
        description: 'Payments applied to it',
        item: { paidOn: text('When it was paid'), amount: text('How much') },
      },
    },
  },
  contacts: { kind: 'list', description: 'Names to write to', item: { '.': text('A name') } },
};

const validate = (source: string, limits?: { maxBytes?: number; maxDepth?: number }) =>
  validateTemplate(source, catalogue, limits);

/** `depth` sections over `single`, one inside the other, around `{{company}}`. */
const nested = (depth: number) => '{{#single}}'.repeat(depth) + '{{company}}' + '{{/single}}'.repeat(depth);

describe('validateTemplate', () => {
  describe('valid templates', () => {
    it.each([
      ['an empty template', ''],
      ['text without tags', 'Estimado cliente, le recordamos su saldo.'],
      ['a subject', 'Recordatorio de pago — {{company}}'],
      ['spaces inside tags', '{{ customerName }} owes {{  balance  }}'],
      ['comments', '{{! a note for whoever edits this }}Hello {{customerName}}{{!\n multi-line \n}}'],
      ['a flag section', '{{#single}}your invoice{{/single}}'],
      ['a text section, as a non-empty test', '{{#statementUrl}}<a href="{{statementUrl}}">open</a>{{/statementUrl}}'],
      [
        'inverted sections over every kind',
        '{{^single}}a{{/single}}{{^invoices}}b{{/invoices}}{{^company}}c{{/company}}',
      ],
      ['a list with its items’ names', '{{#invoices}}{{number}} due {{dueDate}}: {{balance}}{{/invoices}}'],
      ['outer names inside a list', '{{#invoices}}{{number}} for {{customerName}} at {{company}}{{/invoices}}'],
      [
        'a flag of an item',
        '{{#invoices}}{{#isOverdue}}late{{/isOverdue}}{{^isOverdue}}on time{{/isOverdue}}{{/invoices}}',
      ],
      [
        'a list inside a list',
        '{{#invoices}}{{number}}{{#payments}}{{paidOn}} {{amount}} on {{number}}{{/payments}}{{/invoices}}',
      ],
      [
        'an inverted list inside a list',
        '{{#invoices}}{{^payments}}no payments on {{number}}{{/payments}}{{/invoices}}',
      ],
      ['the item of a list of values', '{{#contacts}}{{.}}, {{/contacts}}'],
      ['a section reopened after closing', '{{#single}}a{{/single}} {{#single}}b{{/single}}'],
      ['braces that are not tags', 'a { b } c }} d { {e} f'],
      ['non-ASCII text', '¡Hola {{customerName}}! 😀 Señor Núñez'],
      ['sections nested as deep as allowed', nested(DEFAULT_MAX_DEPTH)],
    ])('accepts %s', (_, source) => {
      expect(validate(source)).toEqual([]);
    });

    it('accepts a realistic multi-line HTML body', () => {
      const html = `<!DOCTYPE html>
<html lang="es">
<body>
<p>Estimado {{customerName}}:</p>
{{#single}}<p>Le recordamos su factura vencida.</p>{{/single}}
{{^single}}<p>Le recordamos sus facturas vencidas.</p>{{/single}}
<table>
{{#invoices}}
<tr><td>{{number}}</td><td>{{dueDate}}</td><td>{{balance}}</td></tr>
{{/invoices}}
</table>
{{#statementAttached}}<p>Adjuntamos su estado de cuenta.</p>{{/statementAttached}}
{{#statementUrl}}<p><a href="{{statementUrl}}">Ver estado de cuenta</a></p>{{/statementUrl}}
<p>{{company}}</p>
</body>
</html>
`;
      expect(validate(html)).toEqual([]);
    });

    it('accepts a template of exactly the byte limit, counting UTF-8 bytes', () => {
      expect(validate('ñ'.repeat(DEFAULT_MAX_BYTES / 2))).toEqual([]);
    });
  });

  describe('refused tags', () => {
    it.each([
      ['{{{customerName}}}', 'customerName', 'unescaped output is not allowed; use {{customerName}}'],
      ['{{& customerName}}', 'customerName', 'unescaped output is not allowed; use {{customerName}}'],
      ['{{&customerName}}', 'customerName', 'unescaped output is not allowed; use {{customerName}}'],
      ['{{> footer}}', 'footer', 'partials are not allowed'],
      ['{{>/etc/passwd}}', '/etc/passwd', 'partials are not allowed'],
    ])('refuses %s', (tag, variable, message) => {
      expect(validate(`Hola\n  ${tag}`)).toEqual([{ line: 2, column: 3, variable, message }]);
    });

    it('refuses changing delimiters', () => {
      expect(validate('Hola\n{{=<% %>=}}<% customerName %>')).toEqual([
        { line: 2, column: 1, message: 'changing delimiters is not allowed' },
      ]);
    });

    it('checks the tags after a delimiter change as Mustache would read them', () => {
      expect(validate('{{=<% %>=}}<% customerNmae %>')).toEqual([
        { line: 1, column: 1, message: 'changing delimiters is not allowed' },
        { line: 1, column: 12, variable: 'customerNmae', message: 'unknown variable "customerNmae"' },
      ]);
    });

    it('refuses a delimiter change Mustache cannot even parse, where it is', () => {
      expect(validate('{{company}}\n{{! {{= x =}} }}\nab{{= x =}}')).toEqual([
        { line: 3, column: 3, message: 'changing delimiters is not allowed' },
      ]);
    });

    it('refuses names every object has but no catalogue names', () => {
      const source = '{{constructor}} {{#constructor}}x{{/constructor}} {{toString}} {{__proto__}} {{hasOwnProperty}}';
      expect(validate(source).map((v) => v.variable)).toEqual([
        'constructor',
        'constructor',
        'toString',
        '__proto__',
        'hasOwnProperty',
      ]);
    });

    it('refuses an unescaped tag over an unknown name once, as unescaped', () => {
      expect(validate('{{{nope}}}')).toEqual([
        { line: 1, column: 1, variable: 'nope', message: 'unescaped output is not allowed; use {{nope}}' },
      ]);
    });
  });

  describe('variables', () => {
    it('names an unknown variable with its line and column in a multi-line HTML body', () => {
      const html = ['<html>', '<body>', '  <p>Estimado {{customerNmae}}:</p>', '</body>', '</html>'].join('\n');
      expect(validate(html)).toEqual([
        { line: 3, column: 15, variable: 'customerNmae', message: 'unknown variable "customerNmae"' },
      ]);
    });

    it('counts lines across CRLF line ends and columns in characters', () => {
      expect(validate('<p>\r\n😀 ñ {{nope}}</p>')).toEqual([
        { line: 2, column: 5, variable: 'nope', message: 'unknown variable "nope"' },
      ]);
    });

    it('refuses an unknown section, and still checks inside it', () => {
      expect(validate('{{#overdue}}\n{{number}}{{company}}\n{{/overdue}}')).toEqual([
        { line: 1, column: 1, variable: 'overdue', message: 'unknown variable "overdue"' },
        { line: 2, column: 1, variable: 'number', message: 'unknown variable "number"' },
      ]);
    });

    it('refuses an unknown inverted section', () => {
      expect(validate('{{^overdue}}x{{/overdue}}')).toEqual([
        { line: 1, column: 1, variable: 'overdue', message: 'unknown variable "overdue"' },
      ]);
    });

    it('refuses an item’s name outside its list', () => {
      expect(validate('{{#invoices}}{{number}}{{/invoices}}\nLast: {{number}}')).toEqual([
        { line: 2, column: 7, variable: 'number', message: 'unknown variable "number"' },
      ]);
    });

    it('refuses an item’s name in an inverted section over its list, where there are no items', () => {
      expect(validate('{{^invoices}}{{number}}{{/invoices}}')).toEqual([
        { line: 1, column: 14, variable: 'number', message: 'unknown variable "number"' },
      ]);
    });

    it('refuses an inner list’s item names in the outer list', () => {
      expect(validate('{{#invoices}}{{amount}}{{/invoices}}')).toEqual([
        { line: 1, column: 14, variable: 'amount', message: 'unknown variable "amount"' },
      ]);
    });

    it('refuses an inner list outside its outer list', () => {
      expect(validate('{{#payments}}{{amount}}{{/payments}}').map((v) => v.variable)).toEqual(['payments', 'amount']);
    });

    it('refuses a flag or a text section as a way into a list’s items', () => {
      expect(validate('{{#single}}{{number}}{{/single}}{{#company}}{{dueDate}}{{/company}}')).toEqual([
        { line: 1, column: 12, variable: 'number', message: 'unknown variable "number"' },
        { line: 1, column: 45, variable: 'dueDate', message: 'unknown variable "dueDate"' },
      ]);
    });

    it('refuses printing a list', () => {
      expect(validate('{{invoices}}')).toEqual([
        { line: 1, column: 1, variable: 'invoices', message: '"invoices" is a list; use {{#invoices}}…{{/invoices}}' },
      ]);
    });

    it('refuses printing a flag', () => {
      expect(validate('{{single}}')).toEqual([
        {
          line: 1,
          column: 1,
          variable: 'single',
          message: '"single" is a flag; test it with {{#single}}…{{/single}} or {{^single}}…{{/single}}',
        },
      ]);
    });

    it('refuses dotted names', () => {
      expect(validate('{{invoices.length}} {{#invoices}}{{payments.0.amount}}{{/invoices}}')).toEqual([
        {
          line: 1,
          column: 1,
          variable: 'invoices.length',
          message: 'dotted names are not allowed ("invoices.length"); use a section',
        },
        {
          line: 1,
          column: 34,
          variable: 'payments.0.amount',
          message: 'dotted names are not allowed ("payments.0.amount"); use a section',
        },
      ]);
    });

    it.each([
      ['at the top', '{{.}}'],
      ['in a flag section', '{{#single}}{{.}}{{/single}}'],
      ['in a text section', '{{#company}}{{.}}{{/company}}'],
      ['in a list of records', '{{#invoices}}{{.}}{{/invoices}}'],
      ['in a list of records inside a list of values', '{{#contacts}}{{#invoices}}{{.}}{{/invoices}}{{/contacts}}'],
    ])('refuses {{.}} %s', (_, source) => {
      expect(validate(source)).toEqual([
        expect.objectContaining({
          variable: '.',
          message: 'unknown variable "."; {{.}} names the item only inside a list of values',
        }),
      ]);
    });

    it('refuses an empty tag', () => {
      expect(validate('a {{}} b')).toEqual([{ line: 1, column: 3, variable: '', message: 'empty tag' }]);
    });
  });

  describe('syntax', () => {
    it('refuses a section never closed, at the line that opens it', () => {
      const source = '<p>\n  {{#invoices}}\n  <td>{{number}}</td>\n</p>\n';
      expect(validate(source)).toEqual([
        { line: 2, column: 3, variable: 'invoices', message: 'section "invoices" is never closed; add {{/invoices}}' },
      ]);
    });

    it('refuses the innermost of several sections never closed, where it opens', () => {
      const source = '{{#invoices}}\n{{#single}}\n{{#payments}}{{amount}}{{/payments}}\n{{#isOverdue}}\nlate';
      expect(validate(source)).toEqual([
        {
          line: 4,
          column: 1,
          variable: 'isOverdue',
          message: 'section "isOverdue" is never closed; add {{/isOverdue}}',
        },
      ]);
    });

    it('refuses a section never closed inside one of the same name', () => {
      expect(validate('{{#single}}\n{{#single}}\n{{/single}}')).toEqual([
        { line: 1, column: 1, variable: 'single', message: 'section "single" is never closed; add {{/single}}' },
      ]);
    });

    it('refuses a closing tag without an opening one, at its line', () => {
      expect(validate('<p>{{company}}</p>\n<p>\n   {{/invoices}}</p>')).toEqual([
        { line: 3, column: 4, variable: 'invoices', message: '{{/invoices}} closes a section that is not open' },
      ]);
    });

    it('refuses a section closed by another’s closing tag, at that tag', () => {
      expect(validate('{{#single}}\n{{#invoices}}\n{{/single}}\n{{/invoices}}')).toEqual([
        {
          line: 3,
          column: 1,
          variable: 'invoices',
          message: 'section "invoices" is still open; close it with {{/invoices}} before {{/single}}',
        },
      ]);
    });

    it.each([
      ['a tag', 'Hola\n{{company}} {{customerName\n<p>x</p>', 2, 13],
      ['a section tag', '{{#single}}x{{/single}}\n\n{{#single', 3, 1],
      ['an unescaped tag', 'Hola\n {{{customerName}}', 2, 2],
      ['a tag that only looks closed by a later tag', '{{company}}\n{{{customerName}} and {{balance}}', 2, 1],
    ])('refuses %s never closed, where it opens', (_, source, line, column) => {
      expect(validate(source)).toEqual([{ line, column, message: 'tag is never closed' }]);
    });

    it('reports a syntax error alone: nothing else can be checked', () => {
      expect(validate('{{nope}} {{{raw}}} {{> partial}}\n{{#single}}')).toHaveLength(1);
    });
  });

  describe('limits', () => {
    it('refuses a 1 MB body with one violation, without parsing it', () => {
      // Never closed: parsed, it would be a syntax error too.
      const body = '{{#invoices}}' + 'x'.repeat(1024 * 1024 - '{{#invoices}}'.length);
      expect(validate(body)).toEqual([{ line: 1, column: 1, message: 'template is 1048576 bytes; at most 100000' }]);
    });

    it('counts bytes, not characters', () => {
      expect(validate('ñ'.repeat(DEFAULT_MAX_BYTES / 2 + 1))).toEqual([
        { line: 1, column: 1, message: 'template is 100002 bytes; at most 100000' },
      ]);
    });

    it('takes another byte limit', () => {
      expect(validate('{{company}}', { maxBytes: 10 })).toEqual([
        { line: 1, column: 1, message: 'template is 11 bytes; at most 10' },
      ]);
      expect(validate('{{company}}', { maxBytes: 11 })).toEqual([]);
    });

    it('refuses sections nested deeper than allowed, once, at the first too deep', () => {
      const source =
        '{{#single}}\n'.repeat(DEFAULT_MAX_DEPTH + 3) + '{{nope}}' + '{{/single}}'.repeat(DEFAULT_MAX_DEPTH + 3);
      expect(validate(source)).toEqual([
        { line: 9, column: 1, variable: 'single', message: 'sections are nested 9 deep; at most 8' },
      ]);
    });

    it('counts inverted sections and lists as nesting', () => {
      const source = '{{#invoices}}{{^single}}{{#payments}}{{amount}}{{/payments}}{{/single}}{{/invoices}}';
      expect(validate(source, { maxDepth: 3 })).toEqual([]);
      expect(validate(source, { maxDepth: 2 })).toEqual([
        { line: 1, column: 25, variable: 'payments', message: 'sections are nested 3 deep; at most 2' },
      ]);
    });

    it('refuses very deep nesting without running out of stack', () => {
      const depth = 10_000;
      expect(validate(nested(depth), { maxBytes: Infinity })).toEqual([
        expect.objectContaining({ message: `sections are nested 9 deep; at most 8` }),
      ]);
      expect(validate('{{#single}}'.repeat(depth), { maxBytes: Infinity })).toEqual([
        expect.objectContaining({ variable: 'single', message: 'section "single" is never closed; add {{/single}}' }),
      ]);
    });

    it(`reports at most ${MAX_VIOLATIONS} violations, the first in source order`, () => {
      const source = Array.from({ length: 30 }, (_, i) => `<p>{{unknown${i}}}</p>`).join('\n');
      const violations = validate(source);
      expect(violations).toHaveLength(MAX_VIOLATIONS);
      expect(violations.map((v) => [v.line, v.variable])).toEqual(
        Array.from({ length: MAX_VIOLATIONS }, (_, i) => [i + 1, `unknown${i}`]),
      );
    });

    it('reports violations of different kinds in source order', () => {
      const source = '{{{a}}}\n{{#invoices}}{{> p}}{{b}}{{/invoices}}{{=<% %>=}}';
      expect(validate(source).map((v) => [v.line, v.column, v.message])).toEqual([
        [1, 1, 'unescaped output is not allowed; use {{a}}'],
        [2, 14, 'partials are not allowed'],
        [2, 21, 'unknown variable "b"'],
        [2, 39, 'changing delimiters is not allowed'],
      ]);
    });
  });

  describe('isolation', () => {
    it('leaves Mustache’s process-wide template cache alone', () => {
      const set = jest.spyOn(Mustache.templateCache!, 'set');
      try {
        validate('{{company}} {{#invoices}}{{number}}{{/invoices}}');
        validate('{{#invoices}}');
        expect(set).not.toHaveBeenCalled();
      } finally {
        set.mockRestore();
      }
    });

    it('reads {{ }} tags whatever Mustache’s global delimiters are', () => {
      const tags = Mustache.tags;
      Mustache.tags = ['<%', '%>'];
      try {
        expect(validate('{{nope}} <% company %>')).toEqual([
          { line: 1, column: 1, variable: 'nope', message: 'unknown variable "nope"' },
        ]);
      } finally {
        Mustache.tags = tags;
      }
    });

    it('agrees with Mustache: what it accepts renders from plain data', () => {
      const source =
        '{{#invoices}}{{number}}:{{#payments}}{{amount}}@{{number}};{{/payments}}{{/invoices}}{{#contacts}}{{.}}{{/contacts}}';
      expect(validate(source)).toEqual([]);
      const view = {
        invoices: [{ number: 'F-1', payments: [{ amount: '10' }, { amount: '5' }] }],
        contacts: ['Ana', 'Luis'],
      };
      expect(Mustache.render(source, view)).toBe('F-1:10@F-1;5@F-1;AnaLuis');
    });
  });
});

describe('describeViolation', () => {
  it('says where and what', () => {
    const violation: TemplateViolation = {
      line: 3,
      column: 5,
      variable: 'customerNmae',
      message: 'unknown variable "customerNmae"',
    };
    expect(describeViolation(violation)).toBe('line 3, column 5: unknown variable "customerNmae"');
  });

  it('describes a violation without a variable', () => {
    expect(describeViolation({ line: 1, column: 1, message: 'template is 200000 bytes; at most 100000' })).toBe(
      'line 1, column 1: template is 200000 bytes; at most 100000',
    );
  });
});
