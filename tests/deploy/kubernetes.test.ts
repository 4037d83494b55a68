import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ROOT } from '../support/processes.js';
import { contentConfigMap } from '../../deploy/kubernetes/render-content-configmap.mjs';

const FOLDER = path.join(ROOT, 'deploy/kubernetes');
const CONTENT = path.join(ROOT, 'content');
const MODELS = { Deployment, Service, ConfigMap, Secret } as const;

/**
 * Every manifest in deploy/kubernetes and the content ConfigMap its script prints for content/,
 * each checked against the Kubernetes schema of its kind.
 */
function manifests() {
  const files = readdirSync(FOLDER)
    .filter((name) => name.endsWith('.yaml'))
    .flatMap((name) =>
      YAML.parseAllDocuments(readFileSync(path.join(FOLDER, name), 'utf8')).map((document) => ({
        name,
        json: document.toJS() as { kind: keyof typeof MODELS },
      })),
    );
  const generated = { name: 'content ConfigMap', json: contentConfigMap(CONTENT) };
  return [...files, generated].map(({ name, json }) => {
    const Model = MODELS[json.kind];
    if (!Model) throw new Error(`${name}: no schema for kind ${json.kind}`);
    const model = new Model(json as never);
    model.validate();
    return { name, model };
  });
}

function find<Kind extends keyof typeof MODELS>(kind: Kind): InstanceType<(typeof MODELS)[Kind]> {
  const found = manifests().find(({ model }) => model.kind === kind);
  if (!found) throw new Error(`no ${kind} in deploy/kubernetes`);
  return found.model as InstanceType<(typeof MODELS)[Kind]>;
}

describe('the Kubernetes manifests', () => {
  it('are valid against the Kubernetes schemas', () => {
    expect(manifests().map(({ model }) => model.kind)).toEqual(
      expect.arrayContaining(['Deployment', 'Service', 'ConfigMap', 'Secret']),
    );
  });

  it('run two non-root replicas with resources, probing health and readiness on OPS_PORT', () => {
    const deployment = find('Deployment');
    const pod = deployment.spec!.template.spec!;
    const container = pod.containers[0]!;
    const env = Object.fromEntries((container.env ?? []).map((entry) => [entry.name, entry.value]));
    const portNamed = (name: string) =>
      container.ports!.find((port) => port.name === name)!.containerPort;
    expect(deployment.spec!.replicas).toBe(2);
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(container.resources?.requests).toMatchObject({ cpu: expect.any(String) });
    expect(container.resources?.limits).toMatchObject({ memory: expect.any(String) });
    expect(portNamed('ops')).toBe(Number(env.OPS_PORT));
    expect(portNamed('http')).toBe(Number(env.PORT));
    expect(env).toMatchObject({ HOST: '0.0.0.0', OPS_HOST: '0.0.0.0' });
    expect(container.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'ops' });
    expect(container.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: 'ops' });
  });

  it('take secrets from the Secret template, which asks for a PostgreSQL DATABASE_URL', () => {
    const container = find('Deployment').spec!.template.spec!.containers[0]!;
    const secret = find('Secret');
    expect(container.envFrom).toEqual([{ secretRef: { name: secret.metadata!.name } }]);
    expect(secret.stringData!.DATABASE_URL).toMatch(/^postgres:\/\//);
  });

  it('mount the content ConfigMap at CONTENT_DIR, holding the catalog files of content/', () => {
    const pod = find('Deployment').spec!.template.spec!;
    const container = pod.containers[0]!;
    const configMap = find('ConfigMap');
    const volume = pod.volumes!.find(
      (candidate) => candidate.configMap?.name === configMap.metadata!.name,
    )!;
    const mount = container.volumeMounts!.find((candidate) => candidate.name === volume.name)!;
    const contentDir = container.env!.find((entry) => entry.name === 'CONTENT_DIR')!.value;
    expect(mount.mountPath).toBe(contentDir);
    expect(Object.keys(configMap.data!)).toEqual(
      expect.arrayContaining(['aliases.yml', 'devops.md', 'mlops.md']),
    );
    expect(configMap.data!['devops.md']).toBe(
      readFileSync(path.join(CONTENT, 'devops.md'), 'utf8'),
    );
    expect(Object.keys(configMap.data!)).not.toContain('README.md');
  });

  it('route the Service to the pods’ HTTP port only, keeping health and metrics in the cluster', () => {
    const service = find('Service');
    const deployment = find('Deployment');
    expect(service.spec!.selector).toEqual(deployment.spec!.selector.matchLabels);
    expect(service.spec!.ports!.map((port) => port.targetPort)).toEqual(['http']);
  });
});
