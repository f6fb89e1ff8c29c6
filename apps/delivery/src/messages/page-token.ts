import type { Message } from './message.entity';

export type MessageCursor = { createdAt: Date; id: string };

/** Page tokens over messages: the last message's (created_at, id), opaque to callers. */
export const pageToken = {
  write: (message: Message): string =>
    Buffer.from(JSON.stringify([message.createdAt.toISOString(), message.id])).toString('base64url'),
  read: (token: string): MessageCursor | undefined => {
    try {
      const [at, id] = JSON.parse(Buffer.from(token, 'base64url').toString()) as [string, string];
      const createdAt = new Date(at);
      return typeof id === 'string' && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : undefined;
    } catch {
      return undefined;
    }
  },
};

/** One page of `pageSize` out of `fetched` (pageSize + 1 asked for): the rows and the next token. */
export function pageOf(fetched: Message[], pageSize: number): { messages: Message[]; nextPageToken: string } {
  const page = fetched.slice(0, pageSize);
  return {
    messages: page,
    nextPageToken: fetched.length > page.length ? pageToken.write(page[page.length - 1]) : '',
  };
}
