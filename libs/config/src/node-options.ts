/**
 * The Node flags each service runs with: its NODE_OPTIONS in deploy/base and
 * docker-compose.yml (tests/static/deploy.spec checks they say this), and how
 * tests and benches start it (@chasqui/testing ServiceProcess), so what is
 * measured is what is deployed.
 *
 * The scheduler: a cycle allocates fast (pages of collectibles, each batch's
 * JSON, one message per render job) and keeps each batch alive across its
 * statements, so V8's default young generation (16 MB semi-spaces here) copied
 * it again and again: a fifth of the scheduler's CPU profile was garbage
 * collection. With 64 MB semi-spaces its CPU over bench/scheduler at 300,000
 * invoices fell from 14.9–15.4 to 11.9–12.7 seconds (32: 12.7, 128: 12.7).
 * The young generation grows to that size only under such allocation.
 */
export const SERVICE_NODE_OPTIONS: Readonly<Record<string, string>> = {
  scheduler: '--max-semi-space-size=64',
};
