import { Transform, type TransformCallback } from 'node:stream';

/**
 * Passes a message through to SMTPConnection but holds back its end — and so
 * the final dot nodemailer appends — until `beforeFinalDot` resolved (the
 * service recorded that the dot is about to go). `released` says whether the
 * server may have the complete message; a rejection keeps the dot back.
 */
export class FinalDotGate extends Transform {
  released = false;

  constructor(private readonly beforeFinalDot: () => Promise<void>) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.beforeFinalDot().then(
      () => {
        // From here on the dot may reach the server: count it as sent.
        this.released = true;
        callback();
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }
}
