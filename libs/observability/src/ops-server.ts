import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';

export type ReadinessCheck = { name: string; check: () => boolean | Promise<boolean> };

/**
 * The operator's port: /metrics for Prometheus, /healthz (the process answers),
 * /readyz (its dependencies answer, so a load balancer may send it work).
 */
export class OpsServer {
  private server?: Server;
  /** Whether the service's edge takes work yet (its gRPC port listens, its consumers run). */
  private serving = false;
  private draining = false;

  constructor(
    private readonly registry: Registry,
    private readonly checks: ReadinessCheck[],
  ) {}

  listen(port: number, host: string): Promise<void> {
    this.server = createServer((req, res) => {
      void this.route(req.url ?? '/').then(({ status, type, body }) => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      });
    });
    return new Promise((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, resolve);
    });
  }

  /**
   * The service takes work from now on: /readyz may answer ready. Not before —
   * the ops port opens early in the boot, and a load balancer (or a test) that
   * calls a gRPC port not yet bound gets a refused connection.
   */
  serve(): void {
    this.serving = true;
  }

  /** From now on /readyz fails, so traffic moves away while work drains. */
  drain(): void {
    this.draining = true;
  }

  /**
   * What /readyz answers (and the gRPC health service): ready when the edge
   * serves, the service is not draining and every check passes.
   */
  async readiness(): Promise<{ ready: boolean; serving: boolean; checks: Record<string, boolean> }> {
    const checks: Record<string, boolean> = {};
    for (const { name, check } of this.checks) {
      checks[name] = await Promise.resolve()
        .then(check)
        .catch(() => false);
    }
    const ready = this.serving && !this.draining && Object.values(checks).every(Boolean);
    return { ready, serving: this.serving, checks };
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async route(url: string): Promise<{ status: number; type: string; body: string }> {
    const path = url.split('?')[0];
    if (path === '/metrics') {
      return { status: 200, type: this.registry.contentType, body: await this.registry.metrics() };
    }
    if (path === '/healthz') return { status: 200, type: 'application/json', body: '{"status":"ok"}' };
    if (path === '/readyz') {
      const { ready, serving, checks } = await this.readiness();
      const body = JSON.stringify({ ready, serving, ...checks });
      return { status: ready ? 200 : 503, type: 'application/json', body };
    }
    return { status: 404, type: 'text/plain', body: 'not found' };
  }
}
