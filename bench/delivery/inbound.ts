import { corpusPath, sendRaw } from '@chasqui/testing';
import { readdirSync, readFileSync } from 'node:fs';
import { since } from '../support/measure';

/** Every email of the shared mail corpus (bounces, complaints, auto-replies, replies), as raw bytes. */
export function corpusEmails(): Buffer[] {
  return ['bounces', 'complaints', 'autoreplies', 'replies'].flatMap((folder) =>
    readdirSync(corpusPath('mail', folder))
      .filter((file) => file.endsWith('.eml'))
      .map((file) => readFileSync(corpusPath('mail', folder, file))),
  );
}

/**
 * Hands `rounds` × the corpus to an SMTP port over `connections` clients at
 * once (each email its own transaction, to postmaster-like addresses of the
 * bounce domain); resolves when every one was answered 250.
 */
export async function pushEmails(port: number, emails: Buffer[], rounds: number, connections: number): Promise<number> {
  const queue = Array.from({ length: rounds }, () => emails).flat();
  const start = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < queue.length) {
        const i = next++;
        const answer = await sendRaw(port, { from: '', to: [`corpus+${i}@bounces.chasqui.local`] }, queue[i]);
        if (!answer.accepted) throw new Error(`email ${i} refused: ${answer.code} ${answer.response}`);
      }
    }),
  );
  return since(start);
}
