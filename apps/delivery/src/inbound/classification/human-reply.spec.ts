import { simpleParser } from 'mailparser';
import { readHumanReply } from './human-reply';

// Wednesday 2 December 2026, 09:00 in Mexico City.
const now = new Date('2026-12-02T15:00:00Z');
const zone = 'America/Mexico_City';

async function answer(body: string, type = 'text/plain') {
  const raw = [
    'From: Juan Pérez <juan@cliente.mx>',
    'To: cobranza@acme.mx',
    'Subject: RE: Factura A-12 vencida',
    `Content-Type: ${type}; charset=utf-8`,
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
  ].join('\r\n');
  return readHumanReply(await simpleParser(Buffer.from(raw, 'utf8')), now, zone);
}

const reminder = '> Estimado cliente:\n> Le recordamos que la factura A-12 venció el 30 de noviembre.\n> Cobranza ACME';

describe('the new text of a reply, quoted history cut', () => {
  it('Gmail in Spanish: "El lun, 30 nov 2026 a las 10:03, … escribió:"', async () => {
    const body = `Le pagamos el viernes 11.\n\nSaludos\n\nEl lun, 30 nov 2026 a las 10:03, Cobranza ACME <cobranza@acme.mx> escribió:\n\n${reminder}\n`;
    expect(await answer(body)).toEqual({
      kind: 'human_reply',
      text: 'Le pagamos el viernes 11.\n\nSaludos',
      promisedDate: '2026-12-11',
    });
  });

  it('Gmail in Spanish with the header wrapped over two lines', async () => {
    const body = `Recibido, gracias.\n\nEl lun, 30 nov 2026 a las 10:03, Cobranza ACME Servicios Financieros (<cobranza@acme.mx>)\nescribió:\n\n${reminder}\n`;
    expect((await answer(body)).text).toBe('Recibido, gracias.');
  });

  it('Apple Mail in Spanish: "El 30 nov 2026, a las 10:03, … escribió:"', async () => {
    const body = `Pagaremos mañana.\n\nEnviado desde mi iPhone\n\nEl 30 nov 2026, a las 10:03, Cobranza ACME <cobranza@acme.mx> escribió:\n\n${reminder}\n`;
    expect(await answer(body)).toEqual({
      kind: 'human_reply',
      text: 'Pagaremos mañana.\n\nEnviado desde mi iPhone',
      promisedDate: '2026-12-03',
    });
  });

  it('Outlook in Spanish: "De: … Enviado: … Para: … Asunto: …"', async () => {
    const body = [
      'Buenas tardes, realizaremos el pago el 15 de diciembre.',
      '',
      '________________________________',
      'De: Cobranza ACME <cobranza@acme.mx>',
      'Enviado: lunes, 30 de noviembre de 2026 10:03',
      'Para: Juan Pérez <juan@cliente.mx>',
      'Asunto: Factura A-12 vencida',
      '',
      'Estimado cliente: le recordamos que la factura A-12 venció.',
    ].join('\r\n');
    expect(await answer(body)).toEqual({
      kind: 'human_reply',
      text: 'Buenas tardes, realizaremos el pago el 15 de diciembre.',
      promisedDate: '2026-12-15',
    });
  });

  it('"-----Mensaje original-----"', async () => {
    const body =
      'Recibido.\n\n-----Mensaje original-----\nDe: Cobranza ACME\nFecha: 30/11/2026\nAsunto: Factura\n\nEstimado cliente';
    expect((await answer(body)).text).toBe('Recibido.');
  });

  it('keeps a signature after "-- " and still cuts the quote below it', async () => {
    const body = `Gracias\n-- \nJuan Pérez\nTesorería, Cliente SA\n\nEl lun, 30 nov 2026 a las 10:03, Cobranza ACME <cobranza@acme.mx> escribió:\n${reminder}\n`;
    expect((await answer(body)).text).toBe('Gracias\n-- \nJuan Pérez\nTesorería, Cliente SA');
  });

  it('a reply written under the Spanish quote', async () => {
    const body = `El lun, 30 nov 2026 a las 10:03, Cobranza ACME <cobranza@acme.mx> escribió:\n${reminder}\n\nLe pagamos el lunes.`;
    expect(await answer(body)).toEqual({
      kind: 'human_reply',
      text: 'Le pagamos el lunes.',
      promisedDate: '2026-12-07',
    });
  });

  it('English Gmail: "On Mon, Nov 30, 2026 at 10:03 AM … wrote:"', async () => {
    const body = `We will pay on Dec 15th.\n\nOn Mon, Nov 30, 2026 at 10:03 AM Cobranza ACME <cobranza@acme.mx> wrote:\n\n> Dear customer\n`;
    expect(await answer(body)).toEqual({
      kind: 'human_reply',
      text: 'We will pay on Dec 15th.',
      promisedDate: '2026-12-15',
    });
  });

  it('a reply with no quote at all is kept whole', async () => {
    expect((await answer('Hola,\n\nya hicimos la transferencia.\n\nSaludos')).text).toBe(
      'Hola,\n\nya hicimos la transferencia.\n\nSaludos',
    );
  });

  it('a promise found only in the quoted history is not this reply’s', async () => {
    const body =
      'Gracias por la paciencia.\n\nEl mar, 1 dic 2026 a las 09:00, Juan Pérez <juan@cliente.mx> escribió:\n> Le pagaremos el 15 de diciembre.\n';
    expect(await answer(body)).toEqual({ kind: 'human_reply', text: 'Gracias por la paciencia.', promisedDate: null });
  });
});

describe('an HTML-only reply is read from the text mailparser derives from it', () => {
  it('Gmail HTML in Spanish (gmail_quote)', async () => {
    const html =
      '<div dir="ltr">Hola, le pagamos el viernes 11.<br><br>Saludos</div><br><div class="gmail_quote">' +
      '<div dir="ltr" class="gmail_attr">El lun, 30 nov 2026 a las 10:03, Cobranza &lt;<a href="mailto:cobranza@acme.mx">cobranza@acme.mx</a>&gt; escribió:<br></div>' +
      '<blockquote class="gmail_quote"><div dir="ltr">Le recordamos su factura A-12.</div></blockquote></div>';
    expect(await answer(html, 'text/html')).toEqual({
      kind: 'human_reply',
      text: 'Hola, le pagamos el viernes 11.\n\nSaludos',
      promisedDate: '2026-12-11',
    });
  });

  it('Outlook HTML in Spanish (border-top header block)', async () => {
    const html =
      '<html><body><div class="WordSection1"><p class="MsoNormal">Buenas tardes, transferiremos el 20/12.</p><p class="MsoNormal">&nbsp;</p>' +
      '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>De:</b> Cobranza &lt;cobranza@acme.mx&gt;<br>' +
      '<b>Enviado:</b> lunes, 30 de noviembre de 2026 10:03<br><b>Para:</b> Juan &lt;juan@cliente.mx&gt;<br><b>Asunto:</b> Factura A-12</p></div>' +
      '<p class="MsoNormal">Le recordamos su factura.</p></div></body></html>';
    expect(await answer(html, 'text/html')).toEqual({
      kind: 'human_reply',
      text: 'Buenas tardes, transferiremos el 20/12.',
      promisedDate: '2026-12-20',
    });
  });
});

describe('format=flowed: a reply under a quote whose last line is soft-broken', () => {
  const flowed = (encoding: string, body: string) =>
    [
      'From: Juan <juan@cliente.mx>',
      'Subject: Re: Factura A-12',
      'Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes',
      `Content-Transfer-Encoding: ${encoding}`,
      '',
      body,
    ].join('\r\n');
  const header = 'El lun, 30 nov 2026 a las 10:03, Cobranza <c@acme.mx> escribió:';

  it.each([
    ['8bit', `${header}\r\n> Le recordamos su  \r\n> factura A-12. \r\nLe pagamos el lunes.\r\n`],
    [
      'quoted-printable',
      `${header.replace('ó', '=C3=B3')}\r\n> Le recordamos su =20\r\n> factura A-12.=20\r\nLe pagamos el lun=\r\nes.\r\n`,
    ],
  ])(
    '%s: read again from the raw bytes, where mailparser joins the last quoted line with the reply',
    async (encoding, body) => {
      const raw = Buffer.from(flowed(encoding, body), encoding === '8bit' ? 'utf8' : 'latin1');
      const mail = Object.assign(await simpleParser(raw), { raw });
      expect(mail.text?.split('\n')).not.toContain('Le pagamos el lunes.');
      expect(readHumanReply(mail, now, zone)).toEqual({
        kind: 'human_reply',
        text: 'Le pagamos el lunes.',
        promisedDate: '2026-12-07',
      });
    },
  );
});
