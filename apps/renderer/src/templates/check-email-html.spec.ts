import { checkEmailHtml } from './check-email-html';
import { TEMPLATE_LOCALES } from '../reminder/resolve-locale';
import { DEFAULT_TEMPLATES } from '../reminder/templates';

describe('checkEmailHtml', () => {
  it('accepts a plain body with links, images and Mustache in attributes', () => {
    const body =
      '<p style="color:{{primaryColour}}">Hola</p>\n<a href="{{statementUrl}}">Estado</a><img src="cid:logo@chasqui">';
    expect(checkEmailHtml(body)).toEqual([]);
  });

  it('accepts every built-in body', () => {
    for (const locale of TEMPLATE_LOCALES) {
      for (const email of Object.values(DEFAULT_TEMPLATES[locale].emails))
        expect(checkEmailHtml(email.html)).toEqual([]);
    }
  });

  it('refuses code where it is, by line and column', () => {
    const body =
      '<p>Hola</p>\n  <script>alert(1)</script>\n<img src=x onerror="alert(2)">\n<a href=" JaVaScRiPt:alert(3)">x</a>';
    expect(checkEmailHtml(body)).toEqual([
      { line: 2, column: 3, message: '<script> is not allowed in an email body' },
      { line: 3, column: 1, message: 'the event handler onerror= is not allowed' },
      { line: 4, column: 1, message: 'a href= that runs code is not allowed' },
    ]);
  });

  it.each([
    '<iframe src="https://x.example">',
    '<form action="/x">',
    '<object data="x">',
    '<svg onload="x">',
    '<meta http-equiv="refresh">',
  ])('refuses %s', (html) => {
    expect(checkEmailHtml(html).length).toBeGreaterThan(0);
  });

  it('sees through entities in a javascript: URL', () => {
    expect(checkEmailHtml('<a href="&#106;avascript:alert(1)">x</a>')).toHaveLength(1);
  });
});
