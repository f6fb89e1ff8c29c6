import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';

export type ReadinessCheck = { name: string; check: () => boolean | Promise<boolean> };

/**
 * The operator's port: /metrics for Prometheus, /healthz (the process answers),
 * /readyz (its dependencies answer, so a load balancer may send it work).
 */
export class OpsServer {
  private server?: Server;
  private draining = false;

  constructor(
    private readonly registry: Registry,
    private readonly checks: ReadinessCheck[],
  ) {}

  listen(port: number): Promise<void> {
    this.server = createServer((req, res) => {
      void this.route(req.url ?? '/').then(({ status, type, body }) => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      });
    });
    return new Promise((resolve) => this.server!.listen(port, resolve));
  }

  /** From now on /readyz fails, so traffic moves away while work drains. */
  drain(): void {
    this.draining = true;
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
      const results: Record<string, boolean> = {};
      for (const { name, check } of this.checks) {
        results[name] = await Promise.resolve()
          .then(check)
          .catch(() => false);
      }
      const ready = !this.draining && Object.values(results).every(Boolean);
      return { status: ready ? 200 : 503, type: 'application/json', body: JSON.stringify({ ready, ...results }) };
    }
    return { status: 404, type: 'text/plain', body: 'not found' };
  }
}
