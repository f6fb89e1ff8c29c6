import { createServer } from 'node:net';

/** Below Linux's ephemeral range (32768–60999), which outgoing connections draw their local ports from. */
const FIRST = 20_000;
const LAST = 32_000;

/**
 * A port nothing listens on, for a service a test starts. Not one the OS
 * hands out for port 0: those are ephemeral ports, and the database and
 * broker clients of every process on the machine take their local ports from
 * the same range — one could hold it by the time the service binds, and the
 * test would talk to nothing. A random port below that range, checked free.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = FIRST + Math.floor(Math.random() * (LAST - FIRST));
    // A port handed out is not listened on until its service starts: never hand it out twice.
    if (given.has(port)) continue;
    if (await listenable(port)) {
      given.add(port);
      return port;
    }
  }
}

const given = new Set<number>();

function listenable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}
