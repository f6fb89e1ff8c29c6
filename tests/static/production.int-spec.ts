// The production overlay as Kubernetes will read it (`kubectl kustomize`),
// validated against the Kubernetes and CRD schemas, and checked for what an
// operator relies on: sized, spread and guarded pods, autoscaling on the
// right signals, only the network paths the services use, secrets by
// reference, alert rules Prometheus accepts.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const APPS = ['receivables', 'scheduler', 'renderer', 'delivery'];
const GRPC_PORT: Record<string, number> = { receivables: 50051, scheduler: 50052, renderer: 50053, delivery: 50054 };

type Yaml = any;
function kustomize(dir: string): string {
  try {
    return execFileSync('kubectl', ['kustomize', join(ROOT, dir)], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`kubectl kustomize ${dir} failed (kubectl ≥ 1.14 is needed): ${(error as Error).message}`);
  }
}
const production: Yaml[] = parseAllDocuments(kustomize('deploy/overlays/production')).map((d) => d.toJS());
const all = (kind: string) => production.filter((r) => r.kind === kind);
const named = (kind: string, name: string) => all(kind).find((r) => r.metadata.name === name);
const validate = (...paths: string[]) =>
  spawnSync('node', [join(ROOT, 'scripts/validate-manifests.mjs'), ...paths], { cwd: ROOT, encoding: 'utf8' });

describe('the Kubernetes manifests', () => {
  it('are valid against the Kubernetes, KEDA and prometheus-operator schemas, in every overlay', () => {
    const overlays = readdirSync(join(ROOT, 'deploy/overlays')).map((o) => `deploy/overlays/${o}`);
    const result = validate(...overlays);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it('are refused, naming the object and the field, when they break the schema', () => {
    const broken = production.map((r) =>
      r.kind === 'ScaledObject' && r.metadata.name === 'renderer'
        ? { ...r, spec: { ...r.spec, minReplicaCount: 'two' } }
        : r,
    );
    const file = join(mkdtempSync(join(tmpdir(), 'manifests-')), 'broken.yaml');
    writeFileSync(file, broken.map((r) => JSON.stringify(r)).join('\n---\n'));
    const result = validate(file);
    expect(result.status).toBe(1);
    expect(result.stdout.trim()).toBe(`${file}: ScaledObject renderer: data/spec/minReplicaCount must be integer`);
  });
});

describe('deploy/overlays/production', () => {
  const deployments = all('Deployment');
  const podTemplates = [...deployments, ...all('Job')].map((r) => ({
    name: r.metadata.name,
    pod: r.spec.template.spec,
  }));

  it('deploys every service in the chasqui namespace, with images of a released version', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual([...APPS].sort());
    for (const r of production.filter((r) => r.kind !== 'Namespace')) expect(r.metadata.namespace).toBe('chasqui');
    for (const { pod } of podTemplates) {
      for (const c of pod.containers) expect(c.image).toMatch(/^chasqui\/[a-z]+:\d+\.\d+\.\d+$/);
    }
  });

  it('runs every pod as the restricted Pod Security Standard requires, enforced on the namespace', () => {
    expect(named('Namespace', 'chasqui').metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    for (const { name, pod } of podTemplates) {
      expect({
        name,
        nonRoot: pod.securityContext.runAsNonRoot,
        seccomp: pod.securityContext.seccompProfile?.type,
      }).toEqual({ name, nonRoot: true, seccomp: 'RuntimeDefault' });
      for (const c of pod.containers) {
        expect({ name, ...c.securityContext }).toEqual({
          name,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
      }
    }
  });

  it('gives each service requests and limits, spreads it over zones and nodes, and keeps all but one pod through disruptions', () => {
    for (const d of deployments) {
      const app = d.metadata.labels['app.kubernetes.io/name'];
      const { resources } = d.spec.template.spec.containers[0];
      expect(Object.keys(resources.requests).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(resources.limits).sort()).toEqual(['cpu', 'memory']);
      const spread = d.spec.template.spec.topologySpreadConstraints.map((t: Yaml) => t.topologyKey).sort();
      expect({ app, spread }).toEqual({ app, spread: ['kubernetes.io/hostname', 'topology.kubernetes.io/zone'] });
      const pdb = all('PodDisruptionBudget').find((p) => p.spec.selector.matchLabels['app.kubernetes.io/name'] === app);
      expect({ app, maxUnavailable: pdb?.spec.maxUnavailable }).toEqual({ app, maxUnavailable: 1 });
    }
  });

  it('scales the gRPC services on CPU and the queue workers on the depth of the queue they consume', () => {
    const hpaTargets = all('HorizontalPodAutoscaler').map((h) => h.spec.scaleTargetRef.name);
    expect(hpaTargets.sort()).toEqual(['receivables', 'scheduler']);
    for (const h of all('HorizontalPodAutoscaler')) {
      expect(h.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(h.spec.metrics[0].resource.name).toBe('cpu');
    }
    // The queue each worker consumes, as its consumer declares it.
    const queues: Record<string, string> = {
      renderer: constantIn('apps/renderer/src/renditions/render-reminder/render-job.consumer.ts', 'RENDER_JOBS'),
      delivery: constantIn('apps/delivery/src/messages/send-message/send-job.consumer.ts', 'SEND_JOBS'),
    };
    const scaled = Object.fromEntries(
      all('ScaledObject').map((s) => [s.spec.scaleTargetRef.name, s.spec.triggers[0].metadata.queueName]),
    );
    expect(scaled).toEqual(queues);
    for (const s of all('ScaledObject')) {
      const auth = named('TriggerAuthentication', s.spec.triggers[0].authenticationRef.name);
      expect(auth.spec.secretTargetRef).toEqual([{ parameter: 'host', name: 'chasqui-secrets', key: 'AMQP_URL' }]);
    }
  });

  it('reaches gRPC services through headless Services, so that clients balance over every pod', () => {
    const config = named('ConfigMap', 'chasqui-config').data;
    for (const variable of ['RECEIVABLES_URL', 'SCHEDULER_URL', 'RENDERER_URL']) {
      const [, host, port] = /^dns:\/\/\/([a-z-]+):(\d+)$/.exec(config[variable]) ?? [];
      const service = named('Service', host);
      expect({ variable, clusterIP: service?.spec.clusterIP }).toEqual({ variable, clusterIP: 'None' });
      expect(service.spec.ports.map((p: Yaml) => p.port)).toEqual([Number(port)]);
    }
  });

  it('denies all traffic but what each service uses: every gRPC address a service is configured with is open to it', () => {
    const policies = all('NetworkPolicy');
    const deny = policies.find((p) => Object.keys(p.spec.podSelector).length === 0);
    expect(deny?.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    const config = named('ConfigMap', 'chasqui-config').data;
    for (const app of APPS) {
      for (const variable of grpcAddressesReadBy(app)) {
        const target = Object.keys(GRPC_PORT).find(
          (t) => config[variable].includes(`${t}-grpc:`) || config[variable].startsWith(`${t}:`),
        );
        expect({ app, variable, target }).toEqual({ app, variable, target: expect.any(String) });
        const egress = policies.some(
          (p) =>
            p.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] === app &&
            (p.spec.egress ?? []).some(
              (rule: Yaml) =>
                rule.to?.some((to: Yaml) => to.podSelector?.matchLabels?.['app.kubernetes.io/name'] === target) &&
                rule.ports.some((port: Yaml) => port.port === GRPC_PORT[target!]),
            ),
        );
        const ingress = policies.some(
          (p) =>
            p.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] === target &&
            (p.spec.ingress ?? []).some(
              (rule: Yaml) =>
                rule.from?.some((from: Yaml) => from.podSelector?.matchLabels?.['app.kubernetes.io/name'] === app) &&
                rule.ports.some((port: Yaml) => port.port === 'grpc'),
            ),
        );
        expect({ app, to: target, egress, ingress }).toEqual({ app, to: target, egress: true, ingress: true });
      }
    }
  });

  it('publishes only the statement links and unsubscribe, over TLS and rate limited', () => {
    const ingresses = all('Ingress');
    expect(ingresses).toHaveLength(1);
    const [ingress] = ingresses;
    expect(Number(ingress.metadata.annotations['nginx.ingress.kubernetes.io/limit-rps'])).toBeGreaterThan(0);
    const backends = ingress.spec.rules.flatMap((r: Yaml) =>
      r.http.paths.map((p: Yaml) => `${p.backend.service.name}:${p.backend.service.port.name}`),
    );
    expect(backends.sort()).toEqual(['delivery:unsubscribe', 'renderer:statements']);
    const hosts = ingress.spec.rules.map((r: Yaml) => r.host).sort();
    expect(ingress.spec.tls[0].hosts.sort()).toEqual(hosts);
    const config = named('ConfigMap', 'chasqui-config').data;
    expect(hosts).toEqual([new URL(config.STATEMENT_LINK_BASE).host, new URL(config.UNSUBSCRIBE_BASE).host].sort());
  });

  it('takes credentials only by reference to a Secret it does not carry, and refuses development values', () => {
    expect(all('Secret')).toEqual([]);
    const refs = podTemplates.flatMap(({ pod }) =>
      pod.containers.flatMap((c: Yaml) => (c.env ?? []).flatMap((e: Yaml) => e.valueFrom?.secretKeyRef?.name ?? [])),
    );
    expect(new Set(refs)).toEqual(new Set(['chasqui-secrets']));
    expect(named('ConfigMap', 'chasqui-config').data.CHASQUI_REQUIRE_SECRETS).toBe('true');
  });

  it('is scraped by Prometheus and alerts with the rules of deploy/prometheus', () => {
    const monitor = named('ServiceMonitor', 'chasqui');
    expect(monitor.spec.endpoints).toEqual([expect.objectContaining({ port: 'http', path: '/metrics' })]);
    const rules = parse(readFileSync(join(ROOT, 'deploy/prometheus/chasqui.rules.yml'), 'utf8'));
    expect(named('PrometheusRule', 'chasqui').spec.groups).toEqual(rules.groups);
  });
});

describe('deploy/prometheus/chasqui.rules.yml', () => {
  const promtool = spawnSync('promtool', ['--version']).status === 0;
  (promtool ? it : it.skip)('passes promtool check rules', () => {
    const result = spawnSync('promtool', ['check', 'rules', join(ROOT, 'deploy/prometheus/chasqui.rules.yml')], {
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });
  (promtool ? it : it.skip)('alerts as chasqui.rules.test.yml expects (promtool test rules)', () => {
    const result = spawnSync('promtool', ['test', 'rules', 'chasqui.rules.test.yml'], {
      cwd: join(ROOT, 'deploy/prometheus'),
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });
});

/** The string value of `const NAME = '…'` in a source file. */
function constantIn(path: string, name: string): string {
  const match = new RegExp(`const ${name} = '([^']+)'`).exec(readFileSync(join(ROOT, path), 'utf8'));
  if (!match) throw new Error(`${path} declares no ${name}`);
  return match[1];
}

/** The gRPC address variables (…_URL but SMTP_URL, DATABASE_URL, AMQP_URL) an app's environment reads. */
function grpcAddressesReadBy(app: string): string[] {
  const env = readFileSync(join(ROOT, 'apps', app, 'src/env.ts'), 'utf8');
  return [...env.matchAll(/^\s+([A-Z]+_URL):/gm)]
    .map((m) => m[1])
    .filter((v) => !['SMTP_URL', 'DATABASE_URL', 'AMQP_URL', 'OTEL_EXPORTER_OTLP_ENDPOINT'].includes(v));
}
