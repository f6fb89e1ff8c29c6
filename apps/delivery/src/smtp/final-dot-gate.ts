import { Transform, type TransformCallback } from 'node:stream';

/**
 * Passes a message through to SMTPConnection but holds back its end — and so
 * the final dot nodemailer appends — until `beforeFinalDot` resolved (the
 * service recorded that the dot is about to go) and the connection is still
 * open. `released` says whether the server may have the complete message; a
 * rejection, or a connection lost meanwhile, keeps the dot back.
 */
export class FinalDotGate extends Transform {
  released = false;

  constructor(
    private readonly beforeFinalDot: () => Promise<void>,
    private readonly connectionOpen: () => boolean,
  ) {
    // Nothing waits on this side of the gate: each chunk is handed on only when the SMTP connection
    // reads it, so the end (and the dot) is reached only once the whole message went to the socket —
    // not when it was merely buffered while the server still had DATA to answer.
    super({ readableHighWaterMark: 0 });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.beforeFinalDot()
      // Socket events that arrived during the write are heard before deciding.
      .then(() => new Promise((resolve) => setImmediate(resolve)))
      .then(
        () => {
          // A server that hung up while the dot was being recorded never gets it: retryable, not unknown.
          if (!this.connectionOpen()) return callback(new Error('the connection closed before the final dot'));
          // From here on the dot may reach the server: count it as sent.
          this.released = true;
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
  }
}
