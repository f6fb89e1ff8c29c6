import { Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Event-loop delay is sampled this often. prom-client's default (10 ms) wakes
 * an idle process 100 times a second — about 10 ms of CPU a second per
 * service on these machines (bench/idle); ten samples a second still catch
 * every stall worth an alert.
 */
const EVENT_LOOP_SAMPLE_MS = 100;

/** A registry per service with the process metrics, labelled with the service name. */
export function createRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
  return registry;
}
