/**
 * deploy/: Kubernetes manifests validated offline against the Kubernetes schema shipped in the
 * kubernetes-models package, plus the properties the issue asks for; the Dockerfile and the
 * compose file checked structurally (no image can be built here: no registry).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse } from 'yaml';
import { StatefulSet } from 'kubernetes-models/apps/v1';
import { ConfigMap, PersistentVolumeClaim, Secret, Service } from 'kubernetes-models/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { ROOT } from './helpers.js';

const K8S = join(ROOT, 'deploy', 'k8s');
type Doc = { apiVersion: string; kind: string; metadata: { name: string }; [k: string]: unknown };
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/StatefulSet': StatefulSet,
  'v1/ConfigMap': ConfigMap,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

const docs: { file: string; doc: Doc }[] = readdirSync(K8S)
  .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
  .flatMap((file) =>
    parseAllDocuments(readFileSync(join(K8S, file), 'utf8')).map((d) => {
      expect(d.errors, file).toEqual([]);
      return { file, doc: d.toJS() as Doc };
    }),
  );
const find = (kind: string, name?: string) => docs.find((d) => d.doc.kind === kind && (!name || d.doc.metadata.name === name))?.doc as any;

describe('Kubernetes manifests', () => {
  it.each(docs.map((d) => [`${d.file}: ${d.doc.kind}/${d.doc.metadata.name}`, d.doc] as const))('%s is valid against the Kubernetes schema', (_n, doc) => {
    const Model = MODELS[`${doc.apiVersion}/${doc.kind}`];
    expect(Model, `no schema model for ${doc.apiVersion} ${doc.kind}`).toBeTruthy();
    expect(() => new Model!(doc as never).validate()).not.toThrow();
  });

  it('the schema check is real: a broken StatefulSet fails it', () => {
    const broken = structuredClone(find('StatefulSet'));
    broken.spec.replicas = 'two';
    expect(() => new StatefulSet(broken).validate()).toThrow(/replicas/);
  });

  it('kustomization lists every manifest except the secret examples', () => {
    const k = parse(readFileSync(join(K8S, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
    const files = [...new Set(docs.map((d) => d.file))].filter((f) => !f.startsWith('secrets'));
    expect([...k.resources].sort()).toEqual(files.sort());
  });

  it('gives each replica its own audit volume (StatefulSet + volume claim template)', () => {
    const sts = find('StatefulSet');
    expect(sts.spec.replicas).toBeGreaterThanOrEqual(2);
    const claim = sts.spec.volumeClaimTemplates.find((t: any) => t.metadata.name === 'state');
    expect(claim.spec.accessModes).toEqual(['ReadWriteOnce']);
    const c = sts.spec.template.spec.containers[0];
    const env = Object.fromEntries(c.env.filter((e: any) => 'value' in e).map((e: any) => [e.name, e.value]));
    const stateMount = c.volumeMounts.find((m: any) => m.name === 'state');
    expect(env.AUDIT_QUEUE_DB_PATH.startsWith(`${stateMount.mountPath}/`)).toBe(true);
    expect(env.OUTPOST_STATE_DIR).toBe(stateMount.mountPath);
    // No pod-level volume may be a shared writable claim.
    for (const v of sts.spec.template.spec.volumes) if (v.persistentVolumeClaim) expect(v.persistentVolumeClaim.readOnly).toBe(true);
  });

  it('mounts policy (ConfigMap), model (PVC) and GeoIP read-only, TLS from a Secret', () => {
    const sts = find('StatefulSet');
    const spec = sts.spec.template.spec;
    const c = spec.containers[0];
    const vol = (n: string) => spec.volumes.find((v: any) => v.name === n);
    const mount = (n: string) => c.volumeMounts.find((m: any) => m.name === n);
    expect(vol('policy').configMap.name).toBe(find('ConfigMap').metadata.name);
    expect(vol('model').persistentVolumeClaim.claimName).toBe('outpost-model');
    expect(vol('geoip').persistentVolumeClaim).toBeTruthy();
    expect(vol('tls').secret.secretName).toBe('outpost-tls');
    for (const n of ['policy', 'model', 'geoip', 'tls']) expect(mount(n).readOnly, n).toBe(true);
    const env = Object.fromEntries(c.env.map((e: any) => [e.name, e.value ?? e.valueFrom]));
    expect(env.AIRGAP_POLICY_PATH).toBe(mount('policy').mountPath);
    expect(env.AIRGAP_MODEL_PATH).toBe(mount('model').mountPath);
    expect(env.GEOIP_MMDB_PATH.startsWith(`${mount('geoip').mountPath}/`)).toBe(true);
    expect(env.OUTPOST_TLS_CERT).toBe(`${mount('tls').mountPath}/tls.crt`);
    expect(env.OUTPOST_AIRGAP).toBe('true');
    expect(env.OUTPOST_ADMIN_TOKEN.secretKeyRef.name).toBe('outpost-secrets');
    expect(find('Secret', 'outpost-tls').type).toBe('kubernetes.io/tls');
    expect(() => JSON.parse(find('ConfigMap').data['policy_bundle.json'])).not.toThrow();
  });

  it('probes /health (liveness) and /readyz (readiness), runs non-root on a read-only root', () => {
    const spec = find('StatefulSet').spec.template.spec;
    const c = spec.containers[0];
    expect(c.livenessProbe.httpGet.path).toBe('/health');
    expect(c.readinessProbe.httpGet.path).toBe('/readyz');
    expect(c.securityContext.readOnlyRootFilesystem).toBe(true);
    expect(c.securityContext.allowPrivilegeEscalation).toBe(false);
    expect(c.securityContext.capabilities.drop).toEqual(['ALL']);
    expect(spec.securityContext.runAsNonRoot).toBe(true);
    expect(spec.securityContext.runAsUser).toBeGreaterThan(0);
    expect(spec.automountServiceAccountToken).toBe(false);
  });

  it('requests resources sized from the measurements (one core, 512Mi, 1Gi cap)', () => {
    const r = find('StatefulSet').spec.template.spec.containers[0].resources;
    expect(r.requests).toEqual({ cpu: '1', memory: '512Mi' });
    expect(r.limits.memory).toBe('1Gi');
  });

  it('allows egress only to the model servers and cluster DNS', () => {
    const np = find('NetworkPolicy');
    expect(np.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(np.spec.podSelector.matchLabels).toEqual(find('StatefulSet').spec.selector.matchLabels);
    const rules = np.spec.egress as any[];
    expect(rules).toHaveLength(2);
    for (const rule of rules) {
      expect(rule.to.length).toBeGreaterThan(0);
      for (const to of rule.to) {
        expect(to.ipBlock, 'no CIDR egress').toBeUndefined();
        expect(to.podSelector, 'egress names pods, never whole namespaces').toBeTruthy();
      }
    }
    const ports = rules.flatMap((r) => r.ports.map((p: any) => `${p.protocol}/${p.port}`)).sort();
    expect(ports).toEqual(['TCP/11434', 'TCP/53', 'TCP/8000', 'UDP/53']);
  });
});

describe('Dockerfile', () => {
  const text = readFileSync(join(ROOT, 'deploy', 'Dockerfile'), 'utf8');
  const instructions = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => ({ op: l.split(/\s+/)[0]!.toUpperCase(), args: l.slice(l.split(/\s+/)[0]!.length).trim() }));
  const last = (op: string) => instructions.filter((i) => i.op === op).at(-1);
  const finalStage = instructions.slice(instructions.map((i) => i.op).lastIndexOf('FROM'));

  it('uses only known instructions', () => {
    const known = new Set(['FROM', 'ARG', 'RUN', 'COPY', 'ENV', 'USER', 'WORKDIR', 'VOLUME', 'EXPOSE', 'HEALTHCHECK', 'ENTRYPOINT', 'CMD', 'LABEL', 'STOPSIGNAL']);
    for (const i of instructions) expect(known, i.op).toContain(i.op);
  });

  it('builds on a minimal base and runs as a non-root user', () => {
    for (const f of instructions.filter((i) => i.op === 'FROM')) expect(f.args).toMatch(/^(debian:12-slim|gcr\.io\/distroless\/cc-debian12)/);
    const user = finalStage.find((i) => i.op === 'USER')!;
    expect(user.args).toMatch(/^[1-9]\d*:[1-9]\d*$/);
  });

  it('verifies the release while building and never fetches anything', () => {
    expect(text).toMatch(/sha256sum -c --ignore-missing SHA256SUMS/);
    expect(text).toMatch(/sha256sum --quiet -c SHA256SUMS/);
    const code = instructions.map((i) => `${i.op} ${i.args}`).join('\n');
    expect(code).not.toMatch(/\b(curl|wget|apt-get|npm)\b|^ADD\s+https?:/m);
  });

  it('has the launcher as entrypoint, a health check, and a writable state volume only', () => {
    expect(JSON.parse(last('ENTRYPOINT')!.args)).toEqual(['/opt/outpost/current/bin/outpost']);
    expect(JSON.parse(last('CMD')!.args)).toEqual(['start']);
    expect(last('HEALTHCHECK')!.args).toMatch(/CMD \["\/opt\/outpost\/current\/bin\/outpost", "health"\]/);
    expect(JSON.parse(last('VOLUME')!.args)).toEqual(['/opt/outpost/state']);
    expect(last('ENV')!.args).toMatch(/OUTPOST_AIRGAP=true/);
  });
});

describe('docker-compose.airgap.yml', () => {
  const compose = parse(readFileSync(join(ROOT, 'deploy', 'docker-compose.airgap.yml'), 'utf8')) as any;

  it('puts every service on internal networks only', () => {
    for (const [name, net] of Object.entries(compose.networks as Record<string, any>)) expect(net.internal, name).toBe(true);
    for (const [name, svc] of Object.entries(compose.services as Record<string, any>)) {
      expect(svc.networks?.length, name).toBeGreaterThan(0);
      expect(svc.ports, `${name} publishes no port on a host network`).toBeUndefined();
      expect(svc.network_mode, name).toBeUndefined();
    }
    expect(Object.keys(compose.services).sort()).toEqual(['outpost', 'vllm']);
  });

  it('runs outpost read-only, non-root, air-gapped, pointed at the vllm service', () => {
    const o = compose.services.outpost;
    expect(o.read_only).toBe(true);
    expect(o.user).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    expect(o.cap_drop).toEqual(['ALL']);
    expect(o.environment.OUTPOST_AIRGAP).toBe('true');
    expect(new URL(o.environment.OUTPOST_UPSTREAM_URL).hostname).toBe('vllm');
    expect(o.networks).toContain(compose.services.vllm.networks[0]);
  });

  it('mounts policy, model and GeoIP read-only and the audit state writable', () => {
    const o = compose.services.outpost;
    const byTarget = Object.fromEntries(o.volumes.map((v: any) => [v.target, v]));
    for (const t of ['/opt/outpost/policies', '/opt/outpost/models', '/opt/outpost/geoip']) expect(byTarget[t]?.read_only, t).toBe(true);
    const state = byTarget['/opt/outpost/state'];
    expect(state.type).toBe('volume');
    expect(state.read_only).toBeFalsy();
    expect(o.environment.AUDIT_QUEUE_DB_PATH.startsWith('/opt/outpost/state/')).toBe(true);
    expect(compose.services.vllm.volumes.every((v: any) => v.read_only === true)).toBe(true);
    expect(compose.services.vllm.environment.HF_HUB_OFFLINE).toBe('1');
  });
});
