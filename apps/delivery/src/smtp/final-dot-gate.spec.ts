import { PassThrough, Readable } from 'node:stream';
import { FinalDotGate } from './final-dot-gate';

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('FinalDotGate', () => {
  it('does not reach the dot while the message waits unread (the server has not answered DATA yet)', async () => {
    const beforeFinalDot = jest.fn(() => Promise.resolve());
    const gate = new FinalDotGate(beforeFinalDot, () => true);
    Readable.from([Buffer.from('Subject: x\r\n\r\n'), Buffer.from('body\r\n')]).pipe(gate);
    await tick();
    expect(beforeFinalDot).not.toHaveBeenCalled();
    expect(gate.released).toBe(false);
  });

  it('reaches it once every byte was read, and only then counts the dot as sent', async () => {
    const beforeFinalDot = jest.fn(() => Promise.resolve());
    const gate = new FinalDotGate(beforeFinalDot, () => true);
    Readable.from([Buffer.from('Subject: x\r\n\r\n'), Buffer.from('body\r\n')]).pipe(gate);
    const read: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => read.push(chunk));
    await new Promise((resolve) => gate.pipe(sink).on('finish', resolve));
    expect(Buffer.concat(read).toString()).toBe('Subject: x\r\n\r\nbody\r\n');
    expect(beforeFinalDot).toHaveBeenCalledTimes(1);
    expect(gate.released).toBe(true);
  });

  it('keeps the dot back when the connection closed while the dot was being recorded', async () => {
    const gate = new FinalDotGate(
      () => Promise.resolve(),
      () => false,
    );
    Readable.from([Buffer.from('body\r\n')]).pipe(gate);
    const failed = new Promise<Error>((resolve) => gate.once('error', resolve));
    gate.resume();
    expect((await failed).message).toMatch(/closed before the final dot/);
    expect(gate.released).toBe(false);
  });
});
