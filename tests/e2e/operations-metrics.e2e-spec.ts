import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import { parse } from 'yaml';
import { waitFor } from '@chasqui/testing';
import { exposedNames, metricNames, samplesOf } from './support/promql-names';
import { Stack, type ServiceName } from './support/stack';
import { customerWithContact, isoDate, noonInMexicoCity, tenantWithOverdueRule } from './support/scenario';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');
const TODAY = '2026-11-22';
const SERVICES: ServiceName[] = ['receivables', 'scheduler', 'renderer', 'delivery'];

type Panel = { title?: string; targets?: { expr?: string }[]; panels?: Panel[] };
type Variable = { name: string; type: string; query?: string | { query?: string } };
type Rule = { alert?: string; record?: string; expr: string };

/** Each metric the dashboard and the alert rules read, with the panels and rules that read it. */
function referencedMetrics(): { references: Map<string, string[]>; recorded: Set<string> } {
  const references = new Map<string, string[]>();
  const refer = (expr: string, by: string) => {
    for (const name of metricNames(expr)) references.set(name, [...(references.get(name) ?? []), by]);
  };
  const dashboard = JSON.parse(readFileSync(join(ROOT, 'deploy/grafana/dashboards/chasqui.json'), 'utf8'));
  const walk = (panels: Panel[]) => {
    for (const panel of panels) {
      for (const { expr } of panel.targets ?? []) if (expr) refer(expr, `panel "${panel.title}"`);
      walk(panel.panels ?? []);
    }
  };
  walk(dashboard.panels);
  for (const variable of (dashboard.templating?.list ?? []) as Variable[]) {
    if (variable.type !== 'query') continue;
    const query = typeof variable.query === 'string' ? variable.query : (variable.query?.query ?? '');
    // Grafana's label_values(selector, label) and query_result(expr) read metrics; the others do not.
    const selector =
      /^\s*label_values\((.+),\s*[a-zA-Z_]\w*\s*\)\s*$/.exec(query) ?? /^\s*query_result\((.+)\)\s*$/.exec(query);
    if (selector) refer(selector[1], `variable $${variable.name}`);
  }
  const rules = parse(readFileSync(join(ROOT, 'deploy/prometheus/chasqui.rules.yml'), 'utf8'));
  const recorded = new Set<string>();
  for (const group of rules.groups as { name: string; rules: Rule[] }[]) {
    for (const rule of group.rules) {
      refer(rule.expr, rule.alert ? `alert ${rule.alert}` : `record ${rule.record}`);
      if (rule.record) recorded.add(rule.record);
    }
  }
  return { references, recorded };
}

/**
 * What must have samples once one reminder went from a cycle to SMTP: the flow
 * the dashboard's first row draws, on the service that does each step.
 */
const FLOW: { service: ServiceName; metric: string; labels?: Record<string, string> }[] = [
  { service: 'scheduler', metric: 'scheduler_occurrences_total' },
  { service: 'renderer', metric: 'renderer_pdf_seconds_count' },
  { service: 'renderer', metric: 'messaging_consumed_total', labels: { queue: 'renderer.render-jobs', outcome: 'ok' } },
  {
    service: 'renderer',
    metric: 'messaging_handler_duration_seconds_count',
    labels: { queue: 'renderer.render-jobs' },
  },
  { service: 'delivery', metric: 'delivery_smtp_outcomes_total', labels: { status: 'sent' } },
  { service: 'delivery', metric: 'messaging_consumed_total', labels: { queue: 'delivery.send-jobs', outcome: 'ok' } },
  { service: 'receivables', metric: 'grpc_server_handled_total', labels: { code: 'OK' } },
  { service: 'scheduler', metric: 'grpc_server_handled_total', labels: { method: 'RunCycle', code: 'OK' } },
  { service: 'scheduler', metric: 'grpc_server_handling_seconds_count', labels: { method: 'RunCycle' } },
];

/** The flow metrics with no sample above zero matching their labels, named with their service. */
function flowGaps(expositions: Record<ServiceName, string>): string[] {
  return FLOW.filter(({ service, metric, labels = {} }) => {
    const samples = samplesOf(expositions[service], metric);
    return !samples.some((s) => s.value > 0 && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  }).map(({ service, metric, labels }) => `${service}: ${metric}${labels ? JSON.stringify(labels) : ''}`);
}

describe("the dashboard's panels and the alert rules", () => {
  const stack = new Stack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  const scrape = async (): Promise<Record<ServiceName, string>> => {
    const texts = await Promise.all(
      SERVICES.map((name) =>
        fetch(`http://127.0.0.1:${stack.services[name].httpPort}/metrics`).then((response) => {
          if (!response.ok) throw new Error(`${name} /metrics answered ${response.status}`);
          return response.text();
        }),
      ),
    );
    return Object.fromEntries(SERVICES.map((name, i) => [name, texts[i]])) as Record<ServiceName, string>;
  };

  it('read only metrics the running services expose, and the flow of one reminder shows on them', async () => {
    const { references, recorded } = referencedMetrics();
    // Not vacuous: the files parsed, and the dashboard draws the flow this test drives.
    expect(FLOW.map(({ metric }) => metric.replace(/_count$/, '_bucket')).filter((m) => !references.has(m))).toEqual(
      [],
    );

    const { auth, apiKey } = await tenantWithOverdueRule(stack, 'Ferretería Metrics');
    const customer = await customerWithContact(stack, apiKey, 'C-100', 'pagos@metrics.mx');
    await firstValueFrom(
      stack.receivables.createInvoice(
        {
          customerId: customer.id,
          series: 'M',
          folio: '1',
          issueDate: isoDate(TODAY, -40),
          dueDate: isoDate(TODAY, -10),
          currency: 'MXN',
          totalMinor: '100000',
        },
        auth,
      ),
    );
    const { queued } = await firstValueFrom(stack.scheduler.runCycle({ asOf: noonInMexicoCity(TODAY) }, auth));
    expect(queued).toBe(1);
    await waitFor(() => stack.smtp.messages.length === 1, 'the reminder at the SMTP server');
    // Counters move after their effects commit, a moment after the mail left: wait, then assert what is there.
    await waitFor(async () => flowGaps(await scrape()).length === 0, 'the flow metrics to have samples', 20_000).catch(
      () => undefined,
    );

    const expositions = await scrape();
    expect(flowGaps(expositions)).toEqual([]);

    const exposed = new Map(SERVICES.map((name) => [name, exposedNames(expositions[name])]));
    const missing = [...references]
      .filter(([metric]) => !recorded.has(metric) && !SERVICES.some((name) => exposed.get(name)!.has(metric)))
      .map(([metric, by]) => `${metric} (read by ${[...new Set(by)].join(', ')})`);
    expect(missing).toEqual([]);
  });
});
