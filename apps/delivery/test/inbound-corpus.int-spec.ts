import { corpusPath, sendRaw, waitFor } from '@chasqui/testing';
import { readdirSync, readFileSync } from 'node:fs';
import type { Classification } from '../src/inbound/classification/classification';
import { DeliveryStack } from './support/delivery-stack';

/** The corpus' own index of its files, written by others from the files themselves. */
function table(...path: string[]): Record<string, string>[] {
  const [head, ...lines] = readFileSync(corpusPath('mail', ...path), 'utf8')
    .trimEnd()
    .split('\n');
  const names = head.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((value, i) => [names[i], value.trim()])));
}

const FOLDERS = ['bounces', 'complaints', 'autoreplies', 'replies'] as const;

/**
 * Every email of the shared corpus, handed to delivery's inbound SMTP port by
 * a real SMTP client, stored and classified by the running service: what it
 * wrote down is checked against the corpus' own expectations.
 */
describe('inbound SMTP: the whole mail corpus through the port', () => {
  const stack = new DeliveryStack();
  const read = new Map<string, { state: string; kind: string | null; classification: Classification | null }>();

  beforeAll(async () => {
    await stack.start();
    let n = 0;
    for (const folder of FOLDERS) {
      for (const file of readdirSync(corpusPath('mail', folder)).filter((f) => f.endsWith('.eml'))) {
        const to = `corpus+${n++}@${folder === 'bounces' || folder === 'complaints' ? 'bounces' : 'replies'}.int.example`;
        const answer = await sendRaw(
          stack.inboundPort,
          { from: '', to: [to] },
          readFileSync(corpusPath('mail', folder, file)),
        );
        if (!answer.accepted) throw new Error(`${folder}/${file} refused: ${answer.code} ${answer.response}`);
        read.set(`${folder}/${file}`, { state: to, kind: null, classification: null });
      }
    }
    await waitFor(async () => {
      const { rows } = await stack.sql.query(
        `select count(*)::int as n from delivery.inbound_emails where state = 'received'`,
      );
      return rows[0].n === 0;
    }, 'every email read');
    const { rows } = await stack.sql.query('select rcpt_to, state, kind, classification from delivery.inbound_emails');
    for (const [key, value] of read) {
      const row = rows.find((r) => r.rcpt_to[0] === value.state)!;
      read.set(key, { state: row.state, kind: row.kind, classification: row.classification });
    }
  }, 300_000);

  afterAll(() => stack.stop(), 60_000);

  it('keeps every email, none failed', () => {
    const failed = [...read].filter(([, r]) => r.state === 'failed').map(([file]) => file);
    expect(failed).toEqual([]);
  });

  it('reads the bounces as the corpus does: ≥ 95 % of recipients and of hard/soft classes', () => {
    const disagreements: string[] = [];
    const expected = table('bounces', 'EXPECTED.tsv');
    let checks = 0;
    for (const row of expected.filter((r) => r.recipient)) {
      const got = read.get(`bounces/${row.file}`)!.classification;
      const recipient = got?.kind === 'bounce' ? got.recipients.find((r) => r.address === row.recipient) : undefined;
      checks++;
      if (!recipient) disagreements.push(`${row.file}: recipient ${row.recipient}, read ${JSON.stringify(got?.kind)}`);
      if (row.class !== 'hard' && row.class !== 'soft') continue;
      checks++;
      if (recipient && recipient.hard !== (row.class === 'hard')) {
        disagreements.push(`${row.file}: ${row.class} (${row.reason}), read ${recipient.hard ? 'hard' : 'soft'}`);
      }
    }
    const agreement = (100 * (checks - disagreements.length)) / checks;
    console.log(`bounces through SMTP: ${agreement.toFixed(1)} % of ${checks} checks\n${disagreements.join('\n')}`);
    expect(agreement).toBeGreaterThanOrEqual(95);
    const unlisted = readdirSync(corpusPath('mail', 'bounces')).filter(
      (f) => f.endsWith('.eml') && !expected.some((r) => r.file === f),
    );
    for (const file of unlisted) expect([file, read.get(`bounces/${file}`)!.kind]).toEqual([file, 'bounce']);
  });

  it('reads every complaint as a complaint, every out-of-office as an auto-reply, every reply as a person', () => {
    const kinds = (folder: string) => [...read].filter(([key]) => key.startsWith(`${folder}/`)).map(([, r]) => r.kind);
    expect(new Set(kinds('complaints'))).toEqual(new Set(['complaint']));
    expect(new Set(kinds('autoreplies'))).toEqual(new Set(['auto_reply']));
    expect(new Set(kinds('replies'))).toEqual(new Set(['human_reply']));
  });

  it('strips the quoted history of each reply as replies/EXPECTED.tsv says', () => {
    for (const row of table('replies', 'EXPECTED.tsv')) {
      const got = read.get(`replies/${row.file}`)!.classification;
      const text = got?.kind === 'human_reply' ? got.text.trim() : `not a reply: ${got?.kind}`;
      expect([row.file, text]).toEqual([row.file, row.expected_reply_text.replace(/\\n/g, '\n')]);
    }
  });
});
