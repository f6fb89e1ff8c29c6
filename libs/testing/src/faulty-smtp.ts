import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * What the server does with one mail transaction. `accept` answers 250 at
 * every step; the others fail at the named stage, as real servers and real
 * networks do:
 * - `greet-421`: the greeting is 421 (busy) and the connection closes;
 * - `drop-before-mail`: the connection closes when MAIL FROM arrives;
 * - `mail-421`: MAIL FROM is answered 421 and the connection closes;
 * - `rcpt-451` / `rcpt-550`: each recipient is refused (try later / never);
 * - `drop-after-rcpt`: recipients are taken, the connection closes at DATA;
 * - `drop-mid-data`: the connection closes once part of the message arrived;
 * - `dot-451` / `dot-550`: the whole message is read, then refused;
 * - `drop-after-dot`: the whole message is read, the connection closes with no answer.
 */
export type SmtpBehaviour =
  | 'accept'
  | 'greet-421'
  | 'drop-before-mail'
  | 'mail-421'
  | 'rcpt-451'
  | 'rcpt-550'
  | 'drop-after-rcpt'
  | 'drop-mid-data'
  | 'dot-451'
  | 'dot-550'
  | 'drop-after-dot';

/** A message the server read to the final dot. */
export interface ReceivedMail {
  messageId: string;
  from: string;
  to: string[];
  raw: string;
  at: Date;
}

/** Chooses the behaviour for the n-th transaction (1-based), given no scripted fault applies. */
export type SmtpPolicy = (transaction: number) => SmtpBehaviour;

/**
 * An SMTP server for fault tests, written on raw sockets so it can fail at
 * any stage of a transaction: refuse at the greeting, at MAIL, per recipient,
 * after the data, or drop the connection before MAIL, after RCPT, in the
 * middle of DATA or after the final dot. It keeps, by Message-ID, what it
 * accepted (answered 250 after the dot) and what it read in full but never
 * answered, which is what a sender cannot know.
 */
export class FaultySmtp {
  readonly accepted: ReceivedMail[] = [];
  /** Read to the final dot, then the connection was dropped before any answer. */
  readonly receivedButDropped: ReceivedMail[] = [];
  /** One line per stage reached, e.g. `7 drop-after-dot <id@host>`, for a failing test to print. */
  readonly events: string[] = [];
  private readonly server: Server = createServer((socket) => this.converse(socket));
  private readonly sockets = new Set<Socket>();
  private readonly scripted: SmtpBehaviour[] = [];
  private readonly recipientAnswers = new Map<string, SmtpBehaviour>();
  private outageUntil = 0;
  private outageBehaviour: SmtpBehaviour = 'accept';
  private policy: SmtpPolicy = () => 'accept';
  private transactions = 0;
  private port = 0;

  async start(port = 0): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', resolve);
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this.port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The next `count` transactions behave as said, then the policy resumes. */
  failNext(behaviour: SmtpBehaviour, count = 1): void {
    for (let i = 0; i < count; i++) this.scripted.push(behaviour);
  }

  /** Every transaction (and every greeting, for `greet-421`) behaves as said for `ms`. */
  outage(behaviour: SmtpBehaviour, ms: number): void {
    this.outageBehaviour = behaviour;
    this.outageUntil = Date.now() + ms;
  }

  /** Ends an outage now. */
  recover(): void {
    this.outageUntil = 0;
  }

  /** The behaviour of transactions nothing scripted, by their number. */
  setPolicy(policy: SmtpPolicy): void {
    this.policy = policy;
  }

  /** Mail to this address behaves as said (`rcpt-451`, `rcpt-550`, `dot-550`, ...), whatever else holds. */
  forRecipient(address: string, behaviour: SmtpBehaviour): void {
    this.recipientAnswers.set(address.toLowerCase(), behaviour);
  }

  /** How many times the server answered 250 to a message with this Message-ID. */
  acceptedCount(messageId: string): number {
    return this.accepted.filter((mail) => mail.messageId === messageId).length;
  }

  /** Closes the listener and every open connection. */
  stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private inOutage(): boolean {
    return Date.now() < this.outageUntil;
  }

  private converse(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (this.inOutage() && this.outageBehaviour === 'greet-421') {
      this.events.push('- greet-421');
      socket.end('421 4.3.2 faulty: service not available, try later\r\n');
      return;
    }
    socket.write('220 faulty ESMTP ready\r\n');
    new Conversation(socket, this).listen();
  }

  /** @internal The behaviour of a new transaction, chosen when MAIL FROM arrives. */
  nextBehaviour(): { transaction: number; behaviour: SmtpBehaviour } {
    const transaction = ++this.transactions;
    const scripted = this.scripted.shift();
    const behaviour = scripted ?? (this.inOutage() ? this.outageBehaviour : this.policy(transaction));
    return { transaction, behaviour };
  }

  /** @internal */
  recipientBehaviour(address: string): SmtpBehaviour | undefined {
    return this.recipientAnswers.get(address.toLowerCase());
  }
}

interface Transaction {
  number: number;
  behaviour: SmtpBehaviour;
  from: string;
  to: string[];
}

/** One SMTP session: reads commands line by line, or the message body in DATA. */
class Conversation {
  private buffer = '';
  private transaction?: Transaction;
  private inData = false;
  private closed = false;

  constructor(
    private readonly socket: Socket,
    private readonly server: FaultySmtp,
  ) {}

  listen(): void {
    this.socket.setEncoding('latin1');
    this.socket.on('data', (chunk: string) => this.receive(chunk));
  }

  private receive(chunk: string): void {
    if (this.closed) return;
    this.buffer += chunk;
    while (!this.closed) {
      if (this.inData) {
        if (!this.readData()) return;
        continue;
      }
      const end = this.buffer.indexOf('\r\n');
      if (end < 0) return;
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.command(line);
    }
  }

  /** True when the final dot was read and the loop should go on with commands. */
  private readData(): boolean {
    const transaction = this.transaction!;
    const end = this.buffer.startsWith('.\r\n') ? 0 : this.buffer.indexOf('\r\n.\r\n');
    if (end < 0) {
      if (transaction.behaviour === 'drop-mid-data' && this.buffer.length > 0) {
        this.log('drop-mid-data', '');
        this.drop();
      }
      return false;
    }
    const raw = this.buffer
      .slice(0, end)
      .split('\r\n')
      .map((line) => (line.startsWith('..') ? line.slice(1) : line))
      .join('\r\n');
    this.buffer = this.buffer.slice(end === 0 ? 3 : end + 5);
    this.inData = false;
    const mail: ReceivedMail = {
      messageId: messageIdOf(raw),
      from: transaction.from,
      to: transaction.to,
      raw,
      at: new Date(),
    };
    this.transaction = undefined;
    const behaviour = this.afterDot(transaction, mail);
    this.log(behaviour, mail.messageId, transaction.number);
    switch (behaviour) {
      case 'dot-451':
        this.reply('451 4.3.0 faulty: try again later');
        return true;
      case 'dot-550':
        this.reply('550 5.7.1 faulty: message refused');
        return true;
      case 'drop-after-dot':
        this.server.receivedButDropped.push(mail);
        this.drop();
        return false;
      case 'accept':
        this.server.accepted.push(mail);
        this.reply(`250 2.0.0 Ok: queued as ${this.server.accepted.length}`);
        return true;
    }
  }

  /** What the server does once it has the whole message: a recipient's rule first, then the transaction's. */
  private afterDot(transaction: Transaction, mail: ReceivedMail): 'accept' | 'dot-451' | 'dot-550' | 'drop-after-dot' {
    const byRecipient = mail.to.map((to) => this.server.recipientBehaviour(to)).find((b) => b?.startsWith('dot-'));
    const behaviour = byRecipient ?? transaction.behaviour;
    if (behaviour === 'dot-451' || behaviour === 'dot-550' || behaviour === 'drop-after-dot') return behaviour;
    // Under drop-mid-data the message arrived whole before the drop could happen: what the sender cannot know.
    return behaviour === 'drop-mid-data' ? 'drop-after-dot' : 'accept';
  }

  private command(line: string): void {
    const verb = line.slice(0, 4).toUpperCase();
    switch (verb) {
      case 'EHLO':
        return this.reply('250-faulty greets you\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 52428800');
      case 'HELO':
        return this.reply('250 faulty');
      case 'MAIL':
        return this.mail(line);
      case 'RCPT':
        return this.rcpt(line);
      case 'DATA':
        return this.data();
      case 'RSET':
        this.transaction = undefined;
        return this.reply('250 2.0.0 Ok');
      case 'NOOP':
        return this.reply('250 2.0.0 Ok');
      case 'QUIT':
        this.reply('221 2.0.0 Bye');
        this.closed = true;
        this.socket.end();
        return;
      default:
        return this.reply('502 5.5.2 faulty: command not implemented');
    }
  }

  private mail(line: string): void {
    const { transaction: number, behaviour } = this.server.nextBehaviour();
    this.transaction = { number, behaviour, from: addressIn(line), to: [] };
    if (behaviour === 'drop-before-mail') {
      this.log(behaviour, '', number);
      return this.drop();
    }
    if (behaviour === 'mail-421') {
      this.log(behaviour, '', number);
      this.reply('421 4.3.2 faulty: too busy, closing');
      this.closed = true;
      this.socket.end();
      return;
    }
    this.reply('250 2.1.0 Ok');
  }

  private rcpt(line: string): void {
    const transaction = this.transaction;
    if (!transaction) return this.reply('503 5.5.1 faulty: MAIL first');
    const address = addressIn(line);
    const behaviour = this.server.recipientBehaviour(address) ?? transaction.behaviour;
    if (behaviour === 'rcpt-451') {
      this.log(behaviour, address, transaction.number);
      return this.reply('451 4.2.0 faulty: mailbox busy, try later');
    }
    if (behaviour === 'rcpt-550') {
      this.log(behaviour, address, transaction.number);
      return this.reply('550 5.1.1 faulty: no such user');
    }
    transaction.to.push(address);
    this.reply('250 2.1.5 Ok');
  }

  private data(): void {
    const transaction = this.transaction;
    if (!transaction || transaction.to.length === 0) return this.reply('554 5.5.1 faulty: no valid recipients');
    if (transaction.behaviour === 'drop-after-rcpt') {
      this.log('drop-after-rcpt', '', transaction.number);
      return this.drop();
    }
    this.inData = true;
    this.reply('354 End data with <CR><LF>.<CR><LF>');
  }

  private reply(text: string): void {
    if (!this.closed) this.socket.write(`${text}\r\n`);
  }

  private drop(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private log(stage: string, detail: string, transaction = this.transaction?.number ?? 0): void {
    this.server.events.push(`${transaction} ${stage} ${detail}`.trim());
  }
}

function addressIn(line: string): string {
  const match = /<([^>]*)>/.exec(line);
  return (match ? match[1] : line.slice(line.indexOf(':') + 1)).trim();
}

function messageIdOf(raw: string): string {
  const headers = raw.split('\r\n\r\n', 1)[0].replace(/\r\n[ \t]+/g, ' ');
  const match = /^message-id:\s*(<[^>]+>)/im.exec(headers);
  return match ? match[1] : '';
}
