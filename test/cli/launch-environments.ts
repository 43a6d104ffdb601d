/**
 * Representative launch environments, laid out on disk under a root folder: the inputs of the
 * launch-facts parity test (test/cli/launch-facts.test.ts). The expected workerd configs and Deno
 * arguments in test/fixtures/launch/ were rendered from these by the launcher as it was before
 * file reading was split from rendering (commit noted in test/fixtures/launch/README.md), with
 * the root folder replaced by <ROOT>.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BASELINE = join(import.meta.dirname, '..', '..', 'assets', 'policy', 'policy_bundle.baseline.json');

export interface LaunchEnvironment {
  readonly name: string;
  /** The raw environment (as process.env would hold it), relative to the root folder as cwd. */
  readonly raw: Record<string, string>;
  /** Folder holding worker.js and modules.json. */
  readonly distDir: string;
}

function bundle(version: string, targets: Array<{ id: string; kind: string; base_url: string; models?: string[]; api_key_env?: string }>): string {
  const base = JSON.parse(readFileSync(BASELINE, 'utf8')) as Record<string, unknown>;
  return JSON.stringify({ ...base, version, targets });
}

function write(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

/** Creates every environment's files under root and returns the environments. */
export function layOutEnvironments(root: string): LaunchEnvironment[] {
  const dist = join(root, 'dist');
  write(join(dist, 'worker.js'), '// worker\n');
  write(join(dist, 'modules.json'), JSON.stringify([{ name: 'ort.wasm', type: 'wasm', when: 'DLP_DEBERTA_ENABLED' }, { name: 'names.bin', type: 'data' }]));
  const bare = join(root, 'dist-bare');
  write(join(bare, 'worker.js'), '// worker\n');

  write(join(root, 'policy', 'policy_bundle.json'), bundle('volume-1', [{ id: 'vllm', kind: 'openai', base_url: 'http://10.0.0.7:8000', models: ['llama'], api_key_env: 'VLLM_KEY' }]));
  write(join(root, 'state-b', 'policy', 'bundles', 'a.json'), bundle('installed-1', [{ id: 'ollama', kind: 'ollama', base_url: 'https://ollama.internal:11434', models: ['qwen'] }]));
  write(join(root, 'state-b', 'policy', 'bundles', 'broken.json'), '{ not json');
  write(join(root, 'state-b', 'policy', 'bundles', 'notes.txt'), 'ignored');
  write(join(root, 'tls', 'client.pem'), 'CERT');
  write(join(root, 'tls', 'client.key'), 'KEY');
  write(join(root, 'tls', 'ca.pem'), 'CA');
  write(join(root, 'state-renewed', 'tls', 'client.pem'), 'RENEWED CERT');
  write(join(root, 'state-renewed', 'tls', 'client.key'), 'RENEWED KEY');
  write(join(root, 'model', 'model.onnx'), 'onnx');
  write(join(root, 'geoip', 'v4.mmdb'), 'mmdb');
  write(join(root, 'geoip6', 'v6.mmdb'), 'mmdb');
  write(join(root, 'keys', 'policy.pub'), 'PEM');

  const common = { OUTPOST_UPSTREAM_URL: 'http://10.0.0.5:8000' };
  return [
    { name: 'airgap-defaults', raw: { ...common, OUTPOST_STATE_DIR: 'state-a', AUDIT_QUEUE_DB_PATH: 'state-a/audit/audit_queue.db' }, distDir: bare },
    {
      name: 'airgap-admin-port-bundles',
      raw: { ...common, OUTPOST_STATE_DIR: join(root, 'state-b'), AIRGAP_POLICY_PATH: 'policy', OUTPOST_ADMIN_PORT: '9090', HOST: '0.0.0.0', PORT: '8443', OUTPOST_POLICY_PUBLIC_KEY: join(root, 'keys', 'policy.pub') },
      distDir: dist,
    },
    {
      name: 'connected-mtls',
      raw: {
        ...common,
        OUTPOST_AIRGAP: 'false',
        OUTPOST_PLATFORM_URL: 'https://platform.example:8443/api',
        OUTPOST_TLS_CERT: 'tls/client.pem',
        OUTPOST_TLS_KEY: 'tls/client.key',
        OUTPOST_CA_BUNDLE: 'tls/ca.pem',
        OUTPOST_STATE_DIR: 'state-c',
        AUDIT_QUEUE_DB_PATH: 'state-c/audit/q.db',
      },
      distDir: dist,
    },
    {
      name: 'connected-renewed-tls',
      raw: { ...common, OUTPOST_AIRGAP: 'false', OUTPOST_PLATFORM_URL: 'https://platform.example/api', OUTPOST_TLS_CERT: 'tls/client.pem', OUTPOST_TLS_KEY: 'tls/client.key', OUTPOST_STATE_DIR: 'state-renewed' },
      distDir: dist,
    },
    {
      name: 'tier3-geoip',
      raw: {
        ...common,
        DLP_DEBERTA_ENABLED: 'true',
        AIRGAP_MODEL_PATH: 'model',
        DEBERTA_MODEL_PATH: 'model/model.onnx',
        GEOIP_MMDB_PATH: 'geoip/v4.mmdb, geoip6/v6.mmdb',
        GEOIP_ASN_DB_PATH: 'missing/asn.mmdb',
        OUTPOST_STATE_DIR: 'state-d',
        AUDIT_QUEUE_DB_PATH: 'state-d/audit/audit_queue.db',
      },
      distDir: dist,
    },
  ];
}
