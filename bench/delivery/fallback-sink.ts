import { SmtpSink } from '@chasqui/testing';

/**
 * The fallback sink's process (when Postfix's smtp-sink is missing): prints
 * `port=N`, then `mesg=N` as messages arrive, as smtp-sink -c does. Parsed
 * mail is dropped as it is counted, so a long run does not fill memory.
 * SIGTERM ends it.
 */
async function main() {
  const sink = new SmtpSink();
  const port = await sink.start();
  process.stdout.write(`port=${port}\n`);
  let accepted = 0;
  setInterval(() => {
    const arrived = sink.messages.splice(0).length;
    if (arrived === 0) return;
    accepted += arrived;
    sink.envelopes.splice(0);
    process.stdout.write(`mesg=${accepted}\r`);
  }, 50);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
