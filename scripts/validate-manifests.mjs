// Validates Kubernetes manifests against the Kubernetes and CRD (KEDA,
// prometheus-operator) schemas, offline: the JSON schemas packaged by
// kubernetes-models. Each argument is a kustomize directory (rendered with
// `kubectl kustomize`) or a YAML file; prints one line per problem, naming the
// object and the field, and exits 1 if there is any.
//   node scripts/validate-manifests.mjs deploy/overlays/production
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

/** Where the models of each API group live. */
const MODELS = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'batch/v1': 'kubernetes-models/batch/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
  'autoscaling/v2': 'kubernetes-models/autoscaling/v2',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
  'keda.sh/v1alpha1': '@kubernetes-models/keda/keda.sh/v1alpha1',
  'monitoring.coreos.com/v1': '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1',
};

function render(path) {
  if (statSync(path).isDirectory()) return execFileSync('kubectl', ['kustomize', path], { encoding: 'utf8' });
  return readFileSync(path, 'utf8');
}

async function problemsOf(object) {
  const { apiVersion, kind, metadata } = object ?? {};
  const name = `${kind ?? '?'} ${metadata?.name ?? '?'}`;
  const module = MODELS[apiVersion];
  if (!module) return [`${name}: no schema for apiVersion ${apiVersion}`];
  const Model = (await import(module))[kind];
  if (typeof Model !== 'function') return [`${name}: ${apiVersion} has no kind ${kind}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [`${name}: ${error.message}`];
  }
}

const problems = [];
for (const path of process.argv.slice(2)) {
  for (const document of parseAllDocuments(render(path))) {
    if (document.errors.length > 0) problems.push(`${path}: ${document.errors[0].message}`);
    else if (document.contents) problems.push(...(await problemsOf(document.toJS())).map((p) => `${path}: ${p}`));
  }
}
for (const problem of problems) console.log(problem);
process.exit(problems.length > 0 ? 1 : 0);
