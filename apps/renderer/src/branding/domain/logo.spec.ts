import { encode as encodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
import { Logo, readLogo } from './logo';

function aPng(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(0x80);
  return PNG.sync.write(png);
}

function aJpeg(width: number, height: number): Buffer {
  return encodeJpeg({ data: Buffer.alloc(width * height * 4, 0x80), width, height }, 80).data;
}

/** A PNG whose header claims another size: what a decompression bomb looks like before it is decoded. */
function withPngHeaderSize(png: Buffer, width: number, height: number): Buffer {
  const forged = Buffer.from(png);
  forged.writeUInt32BE(width, 16);
  forged.writeUInt32BE(height, 20);
  return forged;
}

function accepted(bytes: Buffer): Logo {
  const result = readLogo(bytes);
  if (!result.ok) throw new Error(`expected the logo to be accepted, got: ${result.reason}`);
  return result.logo;
}

function refusal(bytes: Buffer): string {
  const result = readLogo(bytes);
  if (result.ok) throw new Error(`expected the logo to be refused, got ${result.logo.contentType}`);
  return result.reason;
}

const svg = (text: string) => Buffer.from(text, 'utf8');
const sanitised = (text: string) => accepted(svg(text)).content.toString('utf8');

describe('readLogo', () => {
  describe('size', () => {
    it('refuses a file over 512 KB, saying how large it is', () => {
      expect(refusal(Buffer.concat([aPng(2, 2), Buffer.alloc(512 * 1024)]))).toBe(
        'must be at most 512 KB; this one is 513 KB',
      );
    });

    it('judges a file of exactly 512 KB on its content', () => {
      expect(refusal(Buffer.alloc(512 * 1024, 0x20))).toBe('must be a PNG, JPEG or SVG image');
    });
  });

  describe('PNG', () => {
    it('accepts a PNG that decodes, with its dimensions and its bytes unchanged', () => {
      const png = aPng(3, 2);
      expect(accepted(png)).toEqual({ contentType: 'image/png', content: png, width: 3, height: 2 });
    });

    it.each([
      ['cut short', (png: Buffer) => png.subarray(0, png.length - 12)],
      ['cut after the signature', (png: Buffer) => png.subarray(0, 8)],
      [
        'with a corrupted chunk',
        (png: Buffer) => Buffer.concat([png.subarray(0, 30), Buffer.from('garbage'), png.subarray(37)]),
      ],
    ])('refuses a PNG %s', (_, damage) => {
      expect(refusal(damage(aPng(2, 2)))).toMatch(/^the PNG does not decode: ./);
    });

    it('refuses a PNG wider than 4000 pixels', () => {
      expect(refusal(aPng(4001, 1))).toBe('must be at most 4000×4000 pixels; this one is 4001×1');
    });

    it('refuses a huge PNG from its header, without decoding it', () => {
      expect(refusal(withPngHeaderSize(aPng(2, 2), 100_000, 100_000))).toBe(
        'must be at most 4000×4000 pixels; this one is 100000×100000',
      );
    });

    it('refuses a PNG of no pixels', () => {
      expect(refusal(withPngHeaderSize(aPng(2, 2), 0, 2))).toBe('must not be empty; this one is 0×2 pixels');
    });
  });

  describe('JPEG', () => {
    it('accepts a JPEG that decodes, with its dimensions and its bytes unchanged', () => {
      const jpeg = aJpeg(5, 3);
      expect(accepted(jpeg)).toEqual({ contentType: 'image/jpeg', content: jpeg, width: 5, height: 3 });
    });

    it.each([
      ['cut in half', (jpeg: Buffer) => jpeg.subarray(0, Math.floor(jpeg.length / 2))],
      ['missing its end', (jpeg: Buffer) => jpeg.subarray(0, jpeg.length - 2)],
      ['with nothing after its magic bytes', () => Buffer.from([0xff, 0xd8, 0xff])],
    ])('refuses a JPEG %s', (_, damage) => {
      expect(refusal(damage(aJpeg(4, 4)))).toMatch(/^the JPEG does not decode: ./);
    });

    it('refuses a JPEG taller than 4000 pixels', () => {
      expect(refusal(aJpeg(1, 4001))).toBe('must be at most 4000×4000 pixels; this one is 1×4001');
    });
  });

  describe('other files', () => {
    it.each([
      ['nothing', Buffer.alloc(0)],
      ['random bytes', Buffer.from([0x00, 0x13, 0x37, 0xde, 0xad, 0xbe, 0xef, 0x42])],
      ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
      ['plain text', svg('hello, world')],
      ['HTML with an SVG inside', svg('<html><body><svg></svg></body></html>')],
      ['an element merely named like svg', svg('<svgfoo/>')],
      ['bytes that are not UTF-8', Buffer.concat([svg('<svg>'), Buffer.from([0xff, 0xfe]), svg('</svg>')])],
    ])('refuses %s', (_, bytes) => {
      expect(refusal(bytes)).toBe('must be a PNG, JPEG or SVG image');
    });
  });

  describe('SVG', () => {
    const clean =
      '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">' +
      '<defs><linearGradient id="brand"><stop offset="0" stop-color="#0a5"/></linearGradient></defs>' +
      '<g transform="translate(2 2)"><path d="M0 0L10 10Z" fill="url(#brand)" stroke="#000" stroke-width="2"/></g>' +
      '<text x="20" y="30" font-family="Inter" font-size="18">Ferretería &amp; Co.</text>' +
      '</svg>';

    it('keeps a clean SVG as it was, with its size', () => {
      expect(accepted(svg(clean))).toEqual({
        contentType: 'image/svg+xml',
        content: svg(clean),
        width: 120,
        height: 40,
      });
    });

    it('reads an SVG behind a BOM, an XML declaration and comments, dropping them', () => {
      const logo = accepted(
        svg(`\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- Generator: Inkscape -->\n${clean}\n`),
      );
      expect(logo.content.toString('utf8')).toBe(clean);
    });

    it('gives back an SVG it would accept unchanged', () => {
      const once = sanitised('<svg><script>x</script><path d="M0 0" onclick="x" fill="url(http://x)"/>&#x263A;</svg>');
      expect(sanitised(once)).toBe(once);
    });

    it('takes the size from the viewBox when width and height are missing, and 0 when nothing says', () => {
      expect(accepted(svg('<svg viewBox="0 0 300 100"><path d="M0 0"/></svg>'))).toMatchObject({
        width: 300,
        height: 100,
      });
      expect(accepted(svg('<svg><path d="M0 0"/></svg>'))).toMatchObject({ width: 0, height: 0 });
    });

    it('does not bound the nominal size of an SVG, which scales', () => {
      expect(accepted(svg('<svg width="10000" height="5000"/>'))).toMatchObject({ width: 10000, height: 5000 });
    });

    it('removes script elements, with their content', () => {
      const out = sanitised(
        '<svg><script>alert(document.cookie)</script><script><![CDATA[alert(1)]]></script><path d="M1 1"/></svg>',
      );
      expect(out).toBe('<svg xmlns="http://www.w3.org/2000/svg"><path d="M1 1"/></svg>');
    });

    it('removes event handler attributes', () => {
      const out = sanitised(
        '<svg onload="alert(1)"><rect width="1" height="1" onclick="alert(2)" OnMouseOver="alert(3)"/></svg>',
      );
      expect(out).toBe('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>');
    });

    it('removes references outside the file and keeps those inside it', () => {
      const out = sanitised(
        '<svg xmlns:xlink="http://www.w3.org/1999/xlink"><symbol id="s"><path d="M0 0"/></symbol>' +
          '<use href="#s"/><use xlink:href="#s"/><use href="https://evil.example/x.svg#s"/>' +
          '<use xlink:href="//evil.example/x.svg#s"/><use href="data:image/svg+xml;base64,PHN2Zy8+"/></svg>',
      );
      expect(out).toBe(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">' +
          '<symbol id="s"><path d="M0 0"/></symbol><use href="#s"/><use xlink:href="#s"/><use/><use/><use/></svg>',
      );
    });

    it('removes javascript: URLs, however they are spelled', () => {
      const out = sanitised(
        '<svg><a href="javascript:alert(1)"><path d="M0 0"/></a>' +
          '<use href="javascript:alert(1)"/><use href="&#106;avascript:alert(1)"/>' +
          '<rect class="JaVa&#x09;Script:alert(1)" id="ok"/></svg>',
      );
      expect(out).toBe('<svg xmlns="http://www.w3.org/2000/svg"><use/><use/><rect id="ok"/></svg>');
    });

    it('removes foreignObject, image, style and animation elements', () => {
      const out = sanitised(
        '<svg><foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example"/></body></foreignObject>' +
          '<image href="https://evil.example/track.png"/><style>@import url(https://evil.example/x.css);</style>' +
          '<rect id="r"><set attributeName="fill" to="url(https://evil.example)"/></rect>' +
          '<animate href="#r" attributeName="href" values="javascript:alert(1)"/></svg>',
      );
      expect(out).toBe('<svg xmlns="http://www.w3.org/2000/svg"><rect id="r"/></svg>');
    });

    it('removes fetching url() values and dangerous inline styles, keeping url(#…) and plain paint', () => {
      const out = sanitised(
        '<svg><rect fill="url(#grad)" stroke="url(https://evil.example/a)" mask="url( \'//evil.example/m\')"/>' +
          '<rect fill="&#x75;rl(https://evil.example/b)" clip-path="URL(data:x)"/>' +
          '<rect style="fill:url(#grad);stroke:#000"/><rect style="fill:url(https://evil.example/c)"/>' +
          '<rect style="width:expression(alert(1))"/><rect style="@import \'https://evil.example/d.css\'"/>' +
          '<rect style="fill:u\\72 l(https://evil.example/e)"/><rect style="fill:red/**/"/></svg>',
      );
      expect(out).toBe(
        '<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(#grad)"/><rect/>' +
          '<rect style="fill:url(#grad);stroke:#000"/><rect/><rect/><rect/><rect/><rect/></svg>',
      );
      expect(out).not.toContain('evil');
    });

    it('drops a stylesheet processing instruction', () => {
      const out = sanitised('<?xml-stylesheet type="text/css" href="https://evil.example/x.css"?><svg/>');
      expect(out).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    });

    it('puts the root in the SVG namespace whatever it declared', () => {
      const out = sanitised(
        '<svg xmlns="http://www.w3.org/1999/xhtml"><g xmlns="http://www.w3.org/1999/xhtml"/></svg>',
      );
      expect(out).toBe('<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>');
    });

    it('escapes text and attribute values it writes back', () => {
      const out = sanitised(
        '<svg><title>&lt;script&gt;alert(1)&lt;/script&gt;</title><text id="&quot;&gt;">&#60;b&#62;</text></svg>',
      );
      expect(out).toBe(
        '<svg xmlns="http://www.w3.org/2000/svg"><title>&lt;script&gt;alert(1)&lt;/script&gt;</title>' +
          '<text id="&quot;&gt;">&lt;b&gt;</text></svg>',
      );
    });

    it.each([
      [
        'a billion laughs',
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
          '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><svg><text>&lol3;</text></svg>',
      ],
      ['an external entity', '<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg><text>&xxe;</text></svg>'],
      [
        'the SVG 1.1 DOCTYPE',
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg/>',
      ],
      ['an entity declared inside the root', '<svg><!ENTITY x "y"></svg>'],
    ])('refuses %s', (_, text) => {
      expect(refusal(svg(text))).toBe('must not declare a DOCTYPE or entities');
    });

    it.each([
      ['an unclosed element', '<svg><g></svg>', /^the SVG does not parse: Expected closing tag 'g'/],
      ['an undeclared entity', '<svg><text>&nbsp;</text></svg>', /^the SVG does not parse: undefined entity "&nbsp;"$/],
      ['a bare ampersand in an attribute', '<svg><text id="a & b"/></svg>', /^the SVG does not parse: unescaped "&"/],
      ['a NUL character reference', '<svg><text>&#0;</text></svg>', /^the SVG does not parse: character reference/],
      [
        'an attribute without a value',
        '<svg><rect hidden/></svg>',
        /^the SVG does not parse: boolean attribute 'hidden'/,
      ],
      [
        'nesting deeper than any logo',
        `<svg>${'<g>'.repeat(200)}${'</g>'.repeat(200)}</svg>`,
        /^the SVG does not parse: Maximum nested tags/,
      ],
    ])('refuses %s', (_, text, reason) => {
      expect(refusal(svg(text))).toMatch(reason);
    });

    it('refuses more than one root element', () => {
      expect(refusal(svg('<svg/><svg/>'))).toBe('must have a single <svg> root element');
      expect(refusal(svg('<svg/><html/>'))).toBe('must have a single <svg> root element');
    });
  });
});
