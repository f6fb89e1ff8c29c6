// planer 1.2.0 ships no type declarations; only the plain-text entry point is used here.
declare module 'planer' {
  /** The message without its quoted history (talon's algorithm). HTML needs a DOM `Document`, plain text does not. */
  export function extractFrom(msgBody: string, contentType?: 'text/plain'): string;
}
