import { corpusPath } from '@chasqui/testing';
import { simpleParser } from 'mailparser';
import { readdirSync, readFileSync } from 'node:fs';
import { readAutoReply } from './auto-reply';
import type { InboundMail } from './classification';
import { readHumanReply } from './human-reply';

/** The corpus' own index of its files, written by others from the files themselves. */
function table(...path: string[]): Record<string, string>[] {
  const [head, ...lines] = readFileSync(corpusPath('mail', ...path), 'utf8')
    .trimEnd()
    .split('\n');
  const names = head.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((value, i) => [names[i], value])));
}

const emails = (folder: string) =>
  readdirSync(corpusPath('mail', folder))
    .filter((file) => file.endsWith('.eml'))
    .sort();

/** As the SMTP edge hands it over: parsed by mailparser, with the raw bytes it stored. */
async function inbound(folder: string, file: string): Promise<InboundMail> {
  const raw = readFileSync(corpusPath('mail', folder, file));
  return Object.assign(await simpleParser(raw), { raw });
}

const now = new Date('2026-12-02T15:00:00Z');

describe('mail/autoreplies: every one is read as an automatic answer (they must not pause anyone)', () => {
  it.each(emails('autoreplies'))('%s', async (file) => {
    expect(readAutoReply(await inbound('autoreplies', file))).toEqual({
      kind: 'auto_reply',
      reason: expect.any(String),
    });
  });
});

describe('mail/replies: people, never automatic; their new text as replies/EXPECTED.tsv says', () => {
  it.each(emails('replies'))('%s is not an automatic answer', async (file) => {
    expect(readAutoReply(await inbound('replies', file))).toBeNull();
  });

  const expected = table('replies', 'EXPECTED.tsv');

  it('EXPECTED.tsv names only files of the folder', () => {
    expect(expected.map((row) => row.file).filter((file) => !emails('replies').includes(file))).toEqual([]);
  });

  it('the new text of every file in EXPECTED.tsv', async () => {
    const disagreements: string[] = [];
    for (const row of expected) {
      const want = row.expected_reply_text.replace(/\\n/g, '\n');
      const got = readHumanReply(await inbound('replies', row.file), now, 'America/Mexico_City').text.trim();
      if (got !== want)
        disagreements.push(`${row.file}: expected ${JSON.stringify(want)}, read ${JSON.stringify(got)}`);
    }
    if (disagreements.length > 0) console.log(`replies disagreeing with EXPECTED.tsv:\n${disagreements.join('\n')}`);
    expect(disagreements).toEqual([]);
  });
});
