// What an operator relies on when starting Chasqui from this repository: the
// image, docker-compose.yml and the Kubernetes manifests agree with the services
// (their names, ports, health endpoints, migrations and settings).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { devSecretProblems, SERVICE_NODE_OPTIONS } from '@chasqui/config';
import { grpcPackages, type GrpcPackage } from '@chasqui/contracts';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const imageName = (image: string) => image.replace(/:[^/:]+$/, '');

/** Each service's ports (ARCHITECTURE §8); HTTP serves /metrics, /healthz, /readyz. */
const PORTS: Record<string, { grpc?: number; http: number; statements?: number; public?: number[] }> = {
  receivables: { grpc: 50051, http: 9461 },
  scheduler: { grpc: 50052, http: 9462 },
  // The renderer's statement-link port, and its preview page for a tenant's staff.
  renderer: { grpc: 50053, http: 9463, statements: 9473, public: [9483] },
  // Delivery's inbound SMTP port (bounces, replies) and its one-click unsubscribe port.
  delivery: { grpc: 50054, http: 9464, public: [2525, 9474] },
};
const APPS = Object.keys(PORTS);
const sorted = (ports: number[]) => [...ports].sort((a, b) => a - b);
const expectedPorts = (app: string) =>
  sorted(
    [PORTS[app].grpc, PORTS[app].http, PORTS[app].statements, ...(PORTS[app].public ?? [])].filter(
      (p) => p !== undefined,
    ),
  );

type Yaml = any;
/** A YAML file; a syntax error names the file. Merge keys (<<) are resolved, as Compose does. */
function parseFile(path: string): Yaml {
  try {
    return parse(read(path), { merge: true });
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}
const compose: Yaml = parseFile('docker-compose.yml');

describe('the services', () => {
  it('are the apps in apps/, each an npm workspace package', () => {
    // apps/cli is the operators' command line, a tool and not a service.
    const apps = readdirSync(join(ROOT, 'apps')).filter(
      (name) => name !== 'cli' && existsSync(join(ROOT, 'apps', name, 'package.json')),
    );
    expect(apps.sort()).toEqual([...APPS].sort());
  });
});

// ---------------------------------------------------------------------------
describe('docker-compose.yml', () => {
  const services: Record<string, Yaml> = compose.services;

  const env = (service: Yaml): Record<string, string> => {
    const e = service.environment ?? {};
    if (!Array.isArray(e)) return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, String(v)]));
    return Object.fromEntries(e.map((kv: string) => [kv.split('=')[0], kv.slice(kv.indexOf('=') + 1)]));
  };
  /** [hostPort, containerPort] of every published port ("127.0.0.1:80:8080", "80:8080" or long form). */
  const published = (service: Yaml): [number, number][] =>
    (service.ports ?? []).map((p: Yaml) => {
      if (typeof p === 'object') return [Number(p.published), Number(p.target)];
      const parts = String(p).split(':');
      return [Number(parts[parts.length - 2]), Number(parts[parts.length - 1])];
    });
  const dependsOn = (service: Yaml): Record<string, string> => {
    const d = service.depends_on ?? {};
    if (Array.isArray(d)) return Object.fromEntries(d.map((name: string) => [name, 'service_started']));
    return Object.fromEntries(Object.entries(d).map(([name, v]: [string, Yaml]) => [name, v?.condition]));
  };
  const command = (service: Yaml) => [service.command ?? []].flat().join(' ');
  const inboxName = () => Object.keys(services).find((name) => published(services[name]).some(([, c]) => c === 1025));

  it('runs PostgreSQL, RabbitMQ and a local inbox, each with a health check', () => {
    expect(services.postgres?.image).toMatch(/^postgres:16/);
    expect(services.rabbitmq?.image).toMatch(/^rabbitmq:3\.13-management/);
    const inbox = inboxName();
    expect(inbox).toBeDefined();
    expect(published(services[inbox!]).map(([, c]) => c)).toEqual(expect.arrayContaining([1025, 8025]));
    for (const name of ['postgres', 'rabbitmq', inbox!]) {
      expect({ name, healthcheck: [services[name].healthcheck?.test ?? []].flat().length > 0 }).toEqual({
        name,
        healthcheck: true,
      });
    }
  });

  it.each(APPS)('builds %s from ./Dockerfile with APP naming its workspace', (app) => {
    const build = services[app]?.build;
    expect(build).toBeDefined();
    expect(['.', './']).toContain(build.context);
    expect(build.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
    expect(build.args?.APP).toBe(app);
    const manifest = join(ROOT, 'apps', build.args.APP, 'package.json');
    expect(existsSync(manifest)).toBe(true);
    expect(JSON.parse(readFileSync(manifest, 'utf8')).name).toBe(`@chasqui/${app}`);
  });

  it.each(APPS)('starts %s after PostgreSQL and RabbitMQ are healthy and its migration completed', (app) => {
    const deps = dependsOn(services[app]);
    expect(deps.postgres).toBe('service_healthy');
    expect(deps.rabbitmq).toBe('service_healthy');
    const migrations = Object.entries(deps)
      .filter(([, condition]) => condition === 'service_completed_successfully')
      .map(([name]) => services[name])
      .filter((s) => command(s).includes(`apps/${app}/dist/migrate.js`));
    expect(migrations).toHaveLength(1);
    const [migration] = migrations;
    // The same image as the service, so the migration matches the code that starts.
    expect(migration.build?.args?.APP ?? app).toBe(app);
    expect(imageName(migration.image ?? '')).toBe(imageName(services[app].image ?? ''));
    expect(dependsOn(migration).postgres).toBe('service_healthy');
    expect(env(migration).DATABASE_URL).toBe(env(services[app]).DATABASE_URL);
  });

  it.each(APPS)('publishes the documented ports of %s', (app) => {
    const ports = published(services[app]);
    expect(sorted(ports.map(([, container]) => container))).toEqual(expectedPorts(app));
    for (const [host, container] of ports) expect(host).toBe(container);
    const e = env(services[app]);
    expect(e.HTTP_PORT ?? String(PORTS[app].http)).toBe(String(PORTS[app].http));
    if (PORTS[app].grpc) expect(e.GRPC_PORT ?? String(PORTS[app].grpc)).toBe(String(PORTS[app].grpc));
  });

  it.each(APPS)('starts %s from its image (NODE_ENV=production) on the development credentials it is given', (app) => {
    expect(devSecretProblems({ NODE_ENV: 'production', ...env(services[app]) })).toEqual([]);
  });

  it.each(APPS)('runs %s with its Node flags (SERVICE_NODE_OPTIONS), as tests and benches do', (app) => {
    expect(env(services[app]).NODE_OPTIONS).toBe(SERVICE_NODE_OPTIONS[app]);
  });

  it.each(APPS)('checks the health of %s on /healthz of its HTTP port', (app) => {
    const test = [services[app].healthcheck?.test ?? []].flat().join(' ');
    expect(test).toContain(`:${PORTS[app].http}/healthz`);
  });

  it.each(APPS)('points %s at the compose PostgreSQL, RabbitMQ, receivables and inbox', (app) => {
    const e = env(services[app]);
    expect(new URL(e.DATABASE_URL).hostname).toBe('postgres');
    expect(new URL(e.AMQP_URL).hostname).toBe('rabbitmq');
    expect(e.SERVICE_TOKEN?.length).toBeGreaterThanOrEqual(8);
    if (app !== 'receivables') expect(e.RECEIVABLES_URL).toBe(`receivables:${PORTS.receivables.grpc}`);
    if (app === 'receivables') expect(e.ADMIN_TOKEN?.length).toBeGreaterThanOrEqual(8);
    if (app === 'delivery') {
      const smtp = new URL(e.SMTP_URL);
      expect([smtp.hostname, smtp.port]).toEqual([inboxName(), '1025']);
    }
  });
});

// ---------------------------------------------------------------------------
describe('Dockerfile', () => {
  // A small Dockerfile reader: instructions (continuations joined), grouped by stage.
  type Instruction = { op: string; args: string };
  type Stage = { name?: string; from: string; body: Instruction[] };

  const instructions: Instruction[] = read('Dockerfile')
    .replace(/\\\n(\s*#.*\n)*/g, ' ') // continuation lines (comment lines inside them are dropped)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, op, args] = /^(\S+)\s*(.*)$/.exec(line)!;
      return { op: op.toUpperCase(), args };
    });
  const firstFrom = instructions.findIndex((i) => i.op === 'FROM');
  const globalArgs = instructions.slice(0, firstFrom);
  const stages: Stage[] = [];
  for (const i of instructions) {
    if (i.op === 'FROM') {
      const [from, , name] = i.args.replace(/--platform=\S+\s+/, '').split(/\s+/);
      stages.push({ from, name, body: [] });
    } else if (stages.length) stages[stages.length - 1].body.push(i);
  }
  const final = stages[stages.length - 1];

  /** The stages an image for APP=app is made of, from the final one down to its base image. */
  function chain(app: string, stage: Stage = final): Stage[] {
    const parent = stages.find((s) => s.name === stage.from.replace(/\$\{?APP\}?/g, app));
    return parent ? [stage, ...chain(app, parent)] : [stage];
  }
  const run = (stage: Stage, op: string) => stage.body.filter((i) => i.op === op).map((i) => i.args);

  it('declares ARG APP before the first stage and again in the final one', () => {
    expect(globalArgs.filter((i) => i.op === 'ARG').map((i) => i.args)).toContain('APP');
    expect(run(final, 'ARG')).toContain('APP');
  });

  it('starts from node:22-bookworm-slim', () => {
    expect(stages[0].from).toBe('node:22-bookworm-slim');
  });

  it('runs apps/${APP}/dist/main.js, with APP expanded when the container starts', () => {
    const cmd = [...run(final, 'ENTRYPOINT'), ...run(final, 'CMD')].join(' ');
    expect(cmd).toContain('apps/${APP}/dist/main.js');
    // Exec form passes "${APP}" literally: a shell must expand it, from an ENV the image keeps.
    const exec = run(final, 'CMD').find((args) => args.startsWith('['));
    if (exec) expect(JSON.parse(exec)[0]).toMatch(/^(\/bin\/)?(sh|bash)$/);
    expect(run(final, 'ENV').join(' ')).toMatch(/\bAPP=\$\{?APP\}?/);
  });

  it('runs as a non-root user', () => {
    const user = run(final, 'USER').pop() ?? 'root';
    expect(user.split(':')[0]).not.toMatch(/^(root|0)$/);
  });

  it.each(APPS)('gives the %s image its stages, its exposed ports and Chromium only where it renders', (app) => {
    const layers = chain(app);
    expect(layers.length).toBeGreaterThan(1); // FROM os-${APP} resolves to a stage of this app
    const exposed = layers.flatMap((s) => run(s, 'EXPOSE').flatMap((a) => a.split(/\s+/).map(Number)));
    expect(sorted(exposed)).toEqual(expectedPorts(app));
    const chromium = layers.some((s) => run(s, 'RUN').some((r) => /apt-get install[^&]*\bchromium\b/.test(r)));
    expect(chromium).toBe(app === 'renderer');
  });

  it('leaves host build output and dependencies out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/dist']));
  });
});

// ---------------------------------------------------------------------------
describe('deploy/ (kustomize)', () => {
  type Resource = Yaml & { kind: string; metadata: { name: string } };

  type Loaded = { files: string[]; resources: Resource[]; kustomizations: Yaml[]; problems: string[] };

  /** Every file a kustomization lists, parsed, following the directories that are kustomizations. */
  function load(dir: string, out: Loaded = { files: [], resources: [], kustomizations: [], problems: [] }): Loaded {
    const kustomization = parseFile(join(dir, 'kustomization.yaml'));
    out.kustomizations.push(kustomization);
    const patches = (kustomization.patches ?? []).flatMap((p: Yaml) => p.path ?? []);
    for (const entry of [...(kustomization.resources ?? []), ...patches] as string[]) {
      const path = join(dir, entry);
      if (!existsSync(join(ROOT, path))) {
        out.problems.push(`${dir}/kustomization.yaml lists ${entry}, which does not exist`);
      } else if (statSync(join(ROOT, path)).isDirectory()) {
        load(path, out);
      } else {
        out.files.push(path);
        for (const doc of parseAllDocuments(read(path))) {
          if (doc.errors.length) out.problems.push(`${path}: ${doc.errors[0].message}`);
          else if (doc.contents && !patches.includes(entry)) out.resources.push(doc.toJS());
        }
      }
    }
    return out;
  }

  const base = load('deploy/base');
  const local = load('deploy/overlays/local');
  const of = (kind: string, app: string) =>
    base.resources.filter((r) => r.kind === kind && r.metadata?.labels?.['app.kubernetes.io/name'] === app);
  const deployment = (app: string) => of('Deployment', app)[0];
  const container = (app: string) => deployment(app).spec.template.spec.containers[0];
  const envValue = (c: Yaml, name: string) => c.env?.find((e: Yaml) => e.name === name);

  it('lists only files that exist and parse, each a Kubernetes object', () => {
    expect([...base.problems, ...local.problems]).toEqual([]);
    expect(base.files.length).toBeGreaterThan(0);
    for (const r of [...base.resources, ...local.resources]) {
      expect({ apiVersion: typeof r.apiVersion, kind: typeof r.kind, name: typeof r.metadata?.name }).toEqual({
        apiVersion: 'string',
        kind: 'string',
        name: 'string',
      });
    }
  });

  it('applies every manifest in deploy/base (only the Secret example is left out)', () => {
    const manifests = readdirSync(join(ROOT, 'deploy/base'))
      .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml' && !f.includes('.example.'))
      .map((f) => `deploy/base/${f}`);
    expect(base.files.sort()).toEqual(manifests.sort());
    const example = parseFile('deploy/base/secret.example.yaml');
    expect(example.kind).toBe('Secret');
    expect(JSON.stringify(example)).toMatch(/example/i);
  });

  it.each(APPS)('runs %s as exactly one Deployment and one Service of its name', (app) => {
    expect(of('Deployment', app)).toHaveLength(1);
    expect(of('Service', app).filter((s: Yaml) => s.metadata.name === app)).toHaveLength(1);
    const d = deployment(app);
    const podLabels = d.spec.template.metadata.labels;
    expect(podLabels).toEqual(expect.objectContaining(d.spec.selector.matchLabels));
    for (const service of of('Service', app)) expect(podLabels).toEqual(expect.objectContaining(service.spec.selector));
  });

  it.each(APPS)('probes %s: alive on /healthz of its HTTP port, ready by gRPC health on its gRPC port', (app) => {
    const c = container(app);
    const containerPort = (port: number | string) =>
      typeof port === 'number' ? port : c.ports?.find((p: Yaml) => p.name === port)?.containerPort;
    const exposed = of('Service', app)
      .flatMap((service: Yaml) => service.spec.ports)
      .map((p: Yaml) => containerPort(p.targetPort ?? p.port));
    expect(sorted(exposed)).toEqual(expectedPorts(app));

    const probe = (name: string) =>
      c[name]?.httpGet && { path: c[name].httpGet.path, port: containerPort(c[name].httpGet.port) };
    const http = PORTS[app].http;
    expect(probe('livenessProbe')).toEqual({ path: '/healthz', port: http });
    expect(probe('startupProbe')).toEqual({ path: '/healthz', port: http });
    // The standard grpc.health.v1.Health of the service's gRPC service: SERVING exactly when /readyz is 200.
    const { package: grpcPackage, service } = grpcPackages[app as GrpcPackage];
    expect(c.readinessProbe?.grpc).toEqual({ port: PORTS[app].grpc, service: `${grpcPackage}.${service}` });
    expect(envValue(c, 'HTTP_PORT')?.value ?? String(http)).toBe(String(http));
    if (PORTS[app].grpc) expect(envValue(c, 'GRPC_PORT')?.value ?? '').toBe(String(PORTS[app].grpc));

    const scrape = deployment(app).spec.template.metadata.annotations ?? {};
    expect(scrape).toEqual(
      expect.objectContaining({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(http),
        'prometheus.io/path': '/metrics',
      }),
    );
  });

  it.each(APPS)('bounds the resources of %s, runs it as non-root and lets it drain', (app) => {
    const { resources, securityContext } = container(app);
    expect(resources?.requests).toEqual(expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }));
    expect(resources?.limits).toEqual(expect.objectContaining({ memory: expect.anything() }));
    const pod = deployment(app).spec.template.spec;
    expect(securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot).toBe(true);
    expect(securityContext?.allowPrivilegeEscalation).toBe(false);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(30);
  });

  it.each(APPS)('runs %s with its Node flags (SERVICE_NODE_OPTIONS), as tests and benches do', (app) => {
    expect(envValue(container(app), 'NODE_OPTIONS')?.value).toBe(SERVICE_NODE_OPTIONS[app]);
  });

  it.each(APPS)('migrates %s with a Job on the same image', (app) => {
    const jobs = base.resources.filter(
      (r) =>
        r.kind === 'Job' && JSON.stringify(r.spec.template.spec.containers).includes(`apps/${app}/dist/migrate.js`),
    );
    expect(jobs).toHaveLength(1);
    const job = jobs[0].spec.template.spec;
    expect(job.containers[0].image).toBe(container(app).image);
    expect(job.securityContext?.runAsNonRoot ?? job.containers[0].securityContext?.runAsNonRoot).toBe(true);
    expect(job.containers[0].resources?.limits?.memory).toBeDefined();
  });

  it.each(APPS)('names the %s image chasqui/<app> in compose and in Kubernetes alike', (app) => {
    expect(imageName(container(app).image)).toBe(`chasqui/${app}`);
    expect(imageName(compose.services[app].image)).toBe(`chasqui/${app}`);
    const retagged = local.kustomizations.flatMap((k) => k.images ?? []).map((i: Yaml) => i.name);
    for (const name of retagged) expect(APPS.map((a) => `chasqui/${a}`)).toContain(name);
  });

  it.each(APPS)('gives %s its credentials from the Secret and its settings from the ConfigMap', (app) => {
    const c = container(app);
    const secretKeys = (name: string) => c.env?.find((e: Yaml) => e.name === name)?.valueFrom?.secretKeyRef;
    // Every service answers the operator's dead-letter calls, so each holds the operator's key.
    const needed = ['DATABASE_URL', 'AMQP_URL', 'SERVICE_TOKEN', 'ADMIN_TOKEN'];
    const example = parseFile('deploy/base/secret.example.yaml');
    const generated = local.kustomizations.flatMap((k) => k.secretGenerator ?? []);
    for (const key of needed) {
      expect({ key, ref: secretKeys(key) }).toEqual({ key, ref: { name: example.metadata.name, key } });
      expect(Object.keys(example.stringData ?? example.data)).toContain(key);
      const localSecret = generated.find((g: Yaml) => g.name === example.metadata.name);
      expect((localSecret?.literals ?? []).map((l: string) => l.split('=')[0])).toContain(key);
    }
    const configMaps = base.resources.filter((r) => r.kind === 'ConfigMap').map((r) => r.metadata.name);
    for (const from of c.envFrom ?? []) if (from.configMapRef) expect(configMaps).toContain(from.configMapRef.name);
    if (app !== 'receivables') {
      const config = base.resources.find(
        (r) => r.kind === 'ConfigMap' && r.metadata.name === c.envFrom?.[0]?.configMapRef?.name,
      );
      expect(config?.data?.RECEIVABLES_URL).toBe(`receivables:${PORTS.receivables.grpc}`);
    }
  });

  it('refuses development and example credentials in the base; the local overlay starts on its own', () => {
    const config = base.resources.find((r) => r.kind === 'ConfigMap' && r.metadata.name === 'chasqui-config');
    expect(config.data.CHASQUI_REQUIRE_SECRETS).toBe('true');
    const example = parseFile('deploy/base/secret.example.yaml').stringData;
    const refused = devSecretProblems({ NODE_ENV: 'production', ...config.data, ...example });
    expect(refused.map((p) => p.variable).sort()).toEqual([
      'ADMIN_TOKEN',
      'MAIL_TOKEN_SECRET',
      'SENDER_KEY_SECRET',
      'SERVICE_TOKEN',
      'STATEMENT_LINK_SECRET',
    ]);

    const localConfig = { ...config.data };
    const ops = local.kustomizations
      .flatMap((k) => k.patches ?? [])
      .filter((p: Yaml) => p.target?.kind === 'ConfigMap' && p.target?.name === 'chasqui-config')
      .flatMap((p: Yaml) => parse(p.patch));
    for (const op of ops) if (['add', 'replace'].includes(op.op)) localConfig[op.path.replace('/data/', '')] = op.value;
    const literals = local.kustomizations
      .flatMap((k) => k.secretGenerator ?? [])
      .flatMap((g: Yaml) => g.literals ?? [])
      .map((l: string) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]);
    expect(devSecretProblems({ NODE_ENV: 'production', ...localConfig, ...Object.fromEntries(literals) })).toEqual([]);
  });

  it('deploys the whole base in the local overlay, as one replica of each service', () => {
    const names = (resources: Resource[]) => resources.map((r) => `${r.kind}/${r.metadata.name}`).sort();
    expect(names(local.resources)).toEqual(expect.arrayContaining(names(base.resources)));
    const replicas = Object.fromEntries(
      local.kustomizations.flatMap((k) => k.replicas ?? []).map((r: Yaml) => [r.name, r.count]),
    );
    expect(replicas).toEqual(Object.fromEntries(APPS.map((app) => [app, 1])));
  });
});
