import { readPromiseToPay } from './promise-to-pay';

// Wednesday 2 December 2026: 09:00 in Mexico City, 12:00 in Santiago.
const now = new Date('2026-12-02T15:00:00Z');
const mexico = 'America/Mexico_City';

describe('a promise to pay, in Spanish', () => {
  it.each([
    // "viernes 12" is a Saturday in December and a Tuesday in January: the day number wins.
    ['Le pagamos el viernes 12', '2026-12-12'],
    ['Le pagamos el viernes 11.', '2026-12-11'],
    // Tuesday the 12th is January's: the weekday picks the month.
    ['Les pagamos el martes 12', '2027-01-12'],
    ['Pagaré el 15 de diciembre.', '2026-12-15'],
    ['Pagaremos mañana sin falta', '2026-12-03'],
    ['Abonaremos pasado mañana', '2026-12-04'],
    ['Haremos el pago el próximo viernes', '2026-12-11'],
    ['Realizaremos el pago el 20/12', '2026-12-20'],
    ['Depositaremos el 5/1', '2027-01-05'],
    ['Transferiremos el día 15', '2026-12-15'],
    ['Te pago el lunes', '2026-12-07'],
    ['Le pagamos el 15 del próximo mes', '2027-01-15'],
    ['El pago se realizará el 18 de diciembre', '2026-12-18'],
    ['Vamos a pagar el jueves', '2026-12-03'],
    ['Pagaremos el 3 de enero de 2027', '2027-01-03'],
    ['Diciembre 15 realizaremos el pago', '2026-12-15'],
    ['Buenas tardes,\nla factura del 15 de noviembre la pagaremos\nel viernes. Saludos', '2026-12-04'],
    ['Pagamos ayer una parte; el resto lo pagaremos el viernes', '2026-12-04'],
    ['Hola, ¿cómo está? Le confirmo que liquidaremos la factura A-12 el 10 de diciembre.', '2026-12-10'],
    ['Se le pagará hoy mismo', '2026-12-02'],
    ['El depósito está programado para el 9 de diciembre', '2026-12-09'],
    ['Pagaremos el viernes 27', '2026-12-27'],
    ['Pagaré a fin de mes', '2026-12-31'],
    ['Pagaremos a finales del próximo mes', '2027-01-31'],
    ['Le pagamos el día 15 junto con la otra factura', '2026-12-15'],
    ['Les pagaremos 15,000 pesos el viernes', '2026-12-04'],
  ])('%j → %s', (text, date) => {
    expect(readPromiseToPay(text, now, mexico)).toBe(date);
  });

  it.each([
    ['Pagamos ayer'],
    ['Ya les pagamos el viernes'],
    ['Le pagamos el viernes pasado'],
    ['Pagamos el 1 de diciembre'],
    ['Pagamos el 20/11'],
    // Friday the 27th was last week (27 November); "pagamos" is also the preterite.
    ['Le pagamos el viernes 27'],
    ['No podremos pagar el viernes'],
    ['No le pagaremos hasta que nos envíe la nota de crédito el lunes'],
    ['¿Podemos pagar el viernes?'],
    ['El pagaré vence el 15 de diciembre'],
    ['Le enviamos el comprobante el viernes'],
    ['Pagaremos pronto'],
    ['La factura vence el 15'],
    ['Le pagamos la próxima semana'],
    ['Gracias, saludos'],
    // The date names the invoice, not the payment.
    ['Pagaremos cuando nos llegue la factura del 3 de diciembre'],
    // A day and month without a year is the nearest one: June is six months gone, not six months ahead.
    ['Le pagaremos el 15 de junio'],
    [''],
  ])('%j → no promise', (text) => {
    expect(readPromiseToPay(text, now, mexico)).toBeNull();
  });
});

describe('a promise to pay, in English', () => {
  it.each([
    ['We will pay on Dec 15th.', '2026-12-15'],
    ['We will pay on Dec. 15. Thanks', '2026-12-15'],
    ["I'll pay next Friday", '2026-12-11'],
    ['Payment will be made on 12/20', '2026-12-20'],
    ['We are going to pay on 20/12', '2026-12-20'],
    ['The payment will be sent tomorrow', '2026-12-03'],
    ['We’ll transfer the funds on Friday the 11th', '2026-12-11'],
    ['The invoice will be paid on the 15th', '2026-12-15'],
    ['We will pay by the end of the month', '2026-12-31'],
    ['We will pay in two weeks', '2026-12-16'],
    ['Payment is scheduled for January 8', '2027-01-08'],
    ["We'll pay last week's invoice tomorrow", '2026-12-03'],
    ['Payment will go out on Friday', '2026-12-04'],
    ['We will pay $1,200 on 12/15', '2026-12-15'],
  ])('%j → %s', (text, date) => {
    expect(readPromiseToPay(text, now, mexico)).toBe(date);
  });

  it.each([
    ['We paid yesterday'],
    ['I paid yesterday, please check'],
    // 12/5 is May 12 or December 5: not guessed.
    ['We will pay on 12/5'],
    ["We won't pay until the 15th"],
    ['Can we pay next Friday?'],
    ['We will pay soon'],
    ['The invoice was paid on December 1'],
    ['I will send the documents on Friday'],
  ])('%j → no promise', (text) => {
    expect(readPromiseToPay(text, now, mexico)).toBeNull();
  });
});

describe('the date is a calendar day in the tenant zone', () => {
  // 04:30 UTC on 3 December: still the 2nd in Mexico City, already the 3rd in Santiago.
  const lateEvening = new Date('2026-12-03T04:30:00Z');

  it.each([
    ['Pagaremos mañana', 'America/Mexico_City', '2026-12-03'],
    ['Pagaremos mañana', 'America/Santiago', '2026-12-04'],
    ['Le pagamos hoy', 'America/Mexico_City', '2026-12-02'],
    ['Le pagamos hoy', 'America/Santiago', '2026-12-03'],
    ['We will pay on Thursday', 'America/Mexico_City', '2026-12-03'],
    ['We will pay on Thursday', 'America/Santiago', '2026-12-03'],
  ])('%j in %s → %s', (text, zone, date) => {
    expect(readPromiseToPay(text, lateEvening, zone)).toBe(date);
  });

  it('a day that was yesterday in Santiago is no promise there', () => {
    expect(readPromiseToPay('Pagaremos el 2 de diciembre', lateEvening, 'America/Mexico_City')).toBe('2026-12-02');
    expect(readPromiseToPay('Pagaremos el 2 de diciembre', lateEvening, 'America/Santiago')).toBeNull();
  });
});
