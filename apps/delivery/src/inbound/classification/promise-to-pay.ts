import { dayIn } from './calendar-day';
import { type Lang, type NamedDate, namedDates } from './pay-dates';

interface PayVerb {
  index: number;
  end: number;
  lang: Lang;
  /** "pagamos", "transferimos": present and preterite are the same word, so a date gone makes it a claim. */
  eitherTense: boolean;
}

const re = (source: string) => new RegExp(String.raw`(?<![\p{L}\d])(?:${source})(?![\p{L}\d])`, 'giu');
const PAY_ES = String.raw`(?:pag|deposit|abon|liquid|sald)ar|transferir|cubrir`;
const PAYMENT_ES = String.raw`(?:el|la|un|una|su|sus|los|las)\s+(?:pagos?|transferencias?|dep[oó]sitos?|abonos?)`;
const PAYMENT_EN = String.raw`(?:the\s+|a\s+|your\s+|our\s+)?(?:payment|funds|money|check|cheque|transfer|wire|remittance|deposit)`;
const INTENT_EN = String.raw`(?:will|shall|going\s+to|gonna|plan(?:ning)?\s+to|intend\s+to|expect\s+to)`;

/** Words that say someone will pay; the date comes from the sentence around them. */
const PAY_VERBS: { lang: Lang; pattern: RegExp; eitherTense?: boolean }[] = [
  // pagaré, pagaremos, pagará, transferiremos… ("pagare" unaccented too; "el pagaré" the note is ruled out below)
  { lang: 'es', pattern: re(String.raw`(?:${PAY_ES})(?:é|e|emos|á|án)`) },
  { lang: 'es', pattern: re(String.raw`(?:voy|vamos|va|van)\s+a\s+(?:${PAY_ES}|realizar|hacer|efectuar)`) },
  {
    lang: 'es',
    pattern: re(
      String.raw`(?:podemos|podremos|puedo|podré|pensamos|planeamos|esperamos|procederemos\s+a|estaremos)\s+(?:${PAY_ES}|realizar\s+${PAYMENT_ES}|pagando|depositando|transfiriendo)`,
    ),
  },
  {
    lang: 'es',
    pattern: re(String.raw`(?:realizar|har|efectuar|enviar|mandar|programar)(?:é|e|emos|á|án)\s+${PAYMENT_ES}`),
  },
  {
    lang: 'es',
    pattern: re(
      String.raw`${PAYMENT_ES}\s+(?:se\s+)?(?:(?:realizar|har|efectuar|enviar|ser|estar|quedar)[áa]|(?:est[áa]|queda)\s+programad[oa])`,
    ),
  },
  // "te pago el viernes": with a pronoun "pago" is a verb, and its preterite would be "pagué".
  { lang: 'es', pattern: re(String.raw`(?:te|le|les|se\s+l[oa]s?)\s+(?:pago|deposito|transfiero|abono|liquido)`) },
  { lang: 'es', pattern: re(String.raw`(?:hago|hacemos)\s+${PAYMENT_ES}`) },
  {
    lang: 'es',
    pattern: re(
      String.raw`(?:pagamos|depositamos|transferimos|abonamos|liquidamos|cubrimos|saldamos|(?:realizamos|efectuamos)\s+${PAYMENT_ES})`,
    ),
    eitherTense: true,
  },
  {
    lang: 'en',
    pattern: re(
      String.raw`(?:${INTENT_EN}|able\s+to|can)\s+(?:(?:definitely|certainly|surely|also|then|only|be\s+able\s+to|try\s+to)\s+)*(?:pay|settle|remit|wire|transfer|deposit)`,
    ),
  },
  {
    lang: 'en',
    pattern: re(
      String.raw`${INTENT_EN}\s+(?:send|make|process|release|issue|schedule|initiate|submit)\s+${PAYMENT_EN}`,
    ),
  },
  { lang: 'en', pattern: re(String.raw`(?:will|is\s+going\s+to)\s+be\s+(?:paid|settled|remitted)`) },
  {
    lang: 'en',
    pattern: re(
      String.raw`${PAYMENT_EN}\s+(?:\w+\s+){0,3}?(?:will|is\s+going\s+to)\s+(?:go\s+out|be\s+(?:sent|made|processed|issued|released|transferred|wired|deposited|done|initiated|submitted))`,
    ),
  },
  { lang: 'en', pattern: re(String.raw`${PAYMENT_EN}\s+(?:is|has\s+been)\s+scheduled\s+for`) },
  { lang: 'en', pattern: re(String.raw`(?:am|are)\s+(?:paying|wiring|transferring|sending\s+${PAYMENT_EN})`) },
];

/** A negation or "ya" (already) just before the verb: "no le pagaremos", "ya pagamos". */
const DENIED = /(?<![\p{L}])(?:no|not|never|nunca|jam[aá]s|ya)\s+(?:[\p{L}]+\s+){0,2}$/iu;
/** "el pagaré" is the promissory note, not "I will pay". */
const ARTICLE = /(?<![\p{L}])(?:el|un|del|al|los|este|ese)\s+$/iu;

/**
 * The day someone promises to pay, YYYY-MM-DD in `timeZone`, or null. A promise needs a pay verb that
 * looks ahead and a date near it that is not gone: "pagamos ayer" and "we paid yesterday" are claims of
 * payment, not promises. Questions promise nothing ("¿podemos pagar el viernes?").
 */
export function readPromiseToPay(text: string, now: Date, timeZone: string): string | null {
  const today = dayIn(now, timeZone);
  for (const sentence of sentences(text)) {
    for (const verb of payVerbs(sentence)) {
      const dates = byDistance(namedDates(sentence, verb.lang, today), verb);
      // "pagamos" next to a gone day is a claim; "pagaremos la factura de ayer el viernes" still promises.
      const date = verb.eitherTense ? dates[0] : dates.find((d) => !d.past && d.day !== null && d.day >= today);
      if (date && date.day !== null && !date.past && !(verb.eitherTense && date.maybePast)) return date.day;
    }
  }
  return null;
}

function sentences(text: string): string[] {
  const plain = text
    .replace(/[’‘]/g, "'")
    .replace(/\bwon't\b/gi, 'will not')
    .replace(/\bcan't\b/gi, 'cannot')
    .replace(/'ll\b/gi, ' will')
    .replace(/'re\b/gi, ' are')
    .replace(/\bI'm\b/gi, 'I am');
  return plain
    .split(/\n[ \t]*\n/)
    .flatMap((paragraph) => paragraph.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[¿¡"'(]?\p{Lu})/u))
    .map((sentence) => sentence.replace(/¿[^?]*\?/g, ' ')) // Spanish questions are marked at both ends
    .filter((sentence) => !/\?\s*$/.test(sentence));
}

function payVerbs(sentence: string): PayVerb[] {
  return PAY_VERBS.flatMap(({ lang, pattern, eitherTense = false }) =>
    [...sentence.matchAll(pattern)].map((match) => ({
      index: match.index ?? 0,
      end: (match.index ?? 0) + match[0].length,
      lang,
      eitherTense,
    })),
  )
    .filter((verb) => !DENIED.test(sentence.slice(0, verb.index)) && !ARTICLE.test(sentence.slice(0, verb.index)))
    .sort((a, b) => a.index - b.index);
}

/** Dates closest to the verb first, the one after it on a tie ("el viernes le pagamos", "le pagamos el viernes"). */
function byDistance(dates: NamedDate[], verb: PayVerb): NamedDate[] {
  const distance = (date: NamedDate) =>
    date.index >= verb.end ? date.index - verb.end : verb.index >= date.end ? verb.index - date.end + 0.5 : 0;
  return [...dates].sort((a, b) => distance(a) - distance(b));
}
