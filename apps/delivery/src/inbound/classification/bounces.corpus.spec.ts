import { corpusPath } from '@chasqui/testing';
import { type ParsedMail, simpleParser } from 'mailparser';
import { readdirSync, readFileSync } from 'node:fs';
import { readBounce } from './bounce';
import type { InboundMail } from './classification';
import { readComplaint } from './complaint';

/** The corpus' own index of its files, written by others from the files themselves. */
function table(...path: string[]): Record<string, string>[] {
  const [head, ...lines] = readFileSync(corpusPath('mail', ...path), 'utf8')
    .trimEnd()
    .split('\n');
  const names = head.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((value, i) => [names[i], value.trim()])));
}

const emails = (folder: string) =>
  readdirSync(corpusPath('mail', folder))
    .filter((file) => file.endsWith('.eml'))
    .sort();

/** As the SMTP edge hands it over: parsed by mailparser, with the raw bytes it stored. */
async function inbound(folder: string, file: string, options?: { keepDeliveryStatus: boolean }): Promise<InboundMail> {
  const raw = readFileSync(corpusPath('mail', folder, file));
  const parsed: ParsedMail = await simpleParser(raw, options);
  return Object.assign(parsed, { raw });
}

interface Disagreement {
  file: string;
  check: 'recipient' | 'class';
  expected: string;
  actual: string;
}

const percent = (agreed: number, total: number) => (total ? (100 * agreed) / total : 100);

describe('bounces: every file of mail/bounces against EXPECTED.tsv and EXPECTED_DETAIL.tsv', () => {
  const expected = table('bounces', 'EXPECTED.tsv');
  const detail = table('bounces', 'EXPECTED_DETAIL.tsv');
  const files = emails('bounces');
  const bounces = new Map<string, ReturnType<typeof readBounce>>();

  beforeAll(async () => {
    for (const file of files) bounces.set(file, readBounce(await inbound('bounces', file)));
  });

  it('agrees with the index on at least 95 % of the recipients and of the hard/soft classes', () => {
    const disagreements: Disagreement[] = [];
    let recipientChecks = 0;
    let classChecks = 0;
    for (const file of new Set(expected.map((row) => row.file))) {
      // One check per listed (file, recipient): a report may list a recipient twice.
      const rows = expected.filter(
        (row, i) =>
          row.file === file &&
          row.recipient &&
          expected.findIndex((other) => other.file === file && other.recipient === row.recipient) === i,
      );
      const bounce = bounces.get(file) ?? null;
      const found = new Map((bounce?.recipients ?? []).map((recipient) => [recipient.address, recipient]));
      const listed = new Set(rows.map((row) => row.recipient));
      const extra = [...found.keys()].filter((address) => !listed.has(address));
      for (const row of rows) {
        const recipient = found.get(row.recipient);
        recipientChecks++;
        if (!recipient || extra.length) {
          const actual = [...found.keys()].join(', ') || (bounce ? 'no recipient' : 'not a bounce');
          disagreements.push({ file, check: 'recipient', expected: row.recipient, actual });
        }
        if (row.class !== 'hard' && row.class !== 'soft') continue;
        const sisimai = detail.find((line) => line.file === file && line.recipient === row.recipient);
        classChecks++;
        if (recipient?.hard !== (row.class === 'hard')) {
          disagreements.push({
            file,
            check: 'class',
            expected: `${row.class} (${row.reason}${sisimai ? `, hardbounce=${sisimai.sisimai_hardbounce}` : ''})`,
            actual: recipient
              ? `${recipient.hard ? 'hard' : 'soft'}: ${recipient.status} ${recipient.diagnostic}`
              : '-',
          });
        }
      }
    }
    const count = (check: Disagreement['check']) => disagreements.filter((entry) => entry.check === check).length;
    const recipients = percent(recipientChecks - count('recipient'), recipientChecks);
    const classes = percent(classChecks - count('class'), classChecks);
    // Class disagreements on a recipient we do not name are recipient disagreements too.
    const unnamed = disagreements.filter((entry) => entry.check === 'class' && entry.actual === '-').length;
    const summary =
      `recipient agreement ${recipients.toFixed(1)} % (${recipientChecks - count('recipient')}/${recipientChecks}), ` +
      `class agreement ${classes.toFixed(1)} % (${classChecks - count('class')}/${classChecks}; ` +
      `${classChecks - count('class')}/${classChecks - unnamed} on the recipients both name)`;
    const listing = disagreements.map(
      (entry) => `  ${entry.check} ${entry.file}\n    expected ${entry.expected}\n    actual   ${entry.actual}`,
    );
    console.log([summary, 'disagreements:', ...listing].join('\n'));

    expect({ recipients: recipients >= 95, classes: classes >= 95, summary }).toEqual({
      recipients: true,
      classes: true,
      summary,
    });
  });

  it('reads the reports listed without a recipient or class as failures, a "delivered" report as no failure', () => {
    const outcomes = expected
      .filter((row) => !row.recipient || row.class === 'unknown' || row.reason === 'delayed')
      .map((row) => {
        const recipients = bounces.get(row.file)?.recipients ?? [];
        const action = row.reason === 'delayed' || row.reason === 'delivered' ? row.reason : 'failed';
        return { file: row.file, action, recipients: recipients.length > 0, hard: recipients.some((r) => r.hard) };
      });
    expect(outcomes.map((row) => row.file)).toContain('sisimai-rfc3464-28.eml');
    for (const row of outcomes) {
      const actions = new Set(bounces.get(row.file)?.recipients.map((recipient) => recipient.action));
      expect({ file: row.file, recipients: row.recipients, actions: [...actions] }).toEqual({
        file: row.file,
        recipients: true,
        actions: [row.action],
      });
      if (row.action !== 'failed') expect({ file: row.file, hard: row.hard }).toEqual({ file: row.file, hard: false });
    }
  });

  it('reads the files the index does not list (line-ending variants, other MTAs) as bounces naming a recipient', () => {
    const listed = new Set(expected.map((row) => row.file));
    const unlisted = files.filter((file) => !listed.has(file));
    expect(unlisted.length).toBeGreaterThan(5);
    const unread = unlisted.filter((file) => !bounces.get(file)?.recipients.length);
    expect(unread).toEqual([]);
  });

  it('finds the Message-ID of the returned original in every bounce that returns one', () => {
    const returnsOriginal = (file: string) =>
      /^(Message-ID|Message-Id):/im.test(
        readFileSync(corpusPath('mail', 'bounces', file), 'latin1')
          .split(/\r?\n\r?\n/)
          .slice(1)
          .join('\n'),
      );
    const missing = files.filter((file) => returnsOriginal(file) && !bounces.get(file)?.originalMessageIds.length);
    expect(missing).toEqual([]);
  });

  it('needs the raw bytes only for the files whose MIME mailparser cannot split', async () => {
    const differences: string[] = [];
    const unsplit: string[] = [];
    for (const file of files) {
      const parsed = await simpleParser(readFileSync(corpusPath('mail', 'bounces', file)));
      if (!parsed.text && !parsed.html && !parsed.attachments.length) unsplit.push(file);
      const recipients = (bounce: ReturnType<typeof readBounce>) => JSON.stringify(bounce?.recipients);
      if (recipients(readBounce(parsed)) !== recipients(bounces.get(file) ?? null)) differences.push(file);
    }
    expect(unsplit.length).toBeGreaterThan(0);
    expect(differences.filter((file) => !unsplit.includes(file))).toEqual([]);
  });

  it('reads the same whether mailparser keeps message/delivery-status as a part or merges it into the text', async () => {
    const differences: string[] = [];
    for (const file of files) {
      const kept = readBounce(await inbound('bounces', file, { keepDeliveryStatus: true }));
      const summary = (bounce: ReturnType<typeof readBounce>) =>
        JSON.stringify(bounce?.recipients.map((r) => [r.address, r.action, r.hard]));
      if (summary(kept) !== summary(bounces.get(file) ?? null)) differences.push(file);
    }
    expect(differences).toEqual([]);
  });
});

describe('complaints: every file of mail/complaints against its EXPECTED.tsv', () => {
  const expected = table('complaints', 'EXPECTED.tsv');

  for (const file of emails('complaints')) {
    const rows = expected.filter((row) => row.file === file);
    it(`${file}: a complaint${rows.length ? ` (${rows[0].feedback_type})` : ''}, not a bounce`, async () => {
      const mail = await inbound('complaints', file);
      const complaint = readComplaint(mail);
      expect(readBounce(mail)).toBeNull();
      expect(complaint).toMatchObject({ kind: 'complaint', feedbackType: expect.stringMatching(/^[a-z-]+$/) });
      if (!rows.length) return;
      // The index writes a placeholder (…@libsisimai.org.invalid) where the report names nobody.
      const recipients = rows.map((row) => row.recipient).filter((address) => !address.endsWith('.invalid'));
      expect({ feedbackType: complaint?.feedbackType, recipients: complaint?.recipients }).toEqual({
        feedbackType: rows[0].feedback_type,
        recipients,
      });
    });
  }
});

describe('auto-replies and human replies: neither bounces nor complaints', () => {
  for (const folder of ['autoreplies', 'replies']) {
    for (const file of emails(folder)) {
      it(`${folder}/${file}`, async () => {
        const mail = await inbound(folder, file);
        expect({ bounce: readBounce(mail), complaint: readComplaint(mail) }).toEqual({ bounce: null, complaint: null });
      });
    }
  }
});
