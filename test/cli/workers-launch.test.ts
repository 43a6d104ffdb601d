/**
 * OUTPOST_WORKERS on the launcher's side: the process count, and the config each process gets
 * (cli/launch/render-processes.ts): only process 0 declares the audit Durable Object and its
 * storage; every process has its own internal unix socket and channels to the others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditProcess, processCount } from '../../cli/launch/process-count.js';
import { renderWorkerdConfig } from '../../cli/launch/render-workerd.js';
import { internalSocketPath } from '../../cli/launch/render-processes.js';
import { gatherLaunchFacts } from '../../cli/launch/facts.js';
import { nodeLaunchFiles } from '../../cli/launch/node-files.js';
import { resolveEnvironment, prepareWritableFolders } from '../../cli/environment.js';

describe('processCount', () => {
  it('defaults to the number of cores and takes 1 to 64', () => {
    expect(processCount({}, 2)).toBe(2);
    expect(processCount({ OUTPOST_WORKERS: '' }, 8)).toBe(8);
    expect(processCount({ OUTPOST_WORKERS: ' 3 ' }, 8)).toBe(3);
    expect(processCount({ OUTPOST_WORKERS: '1' }, 8)).toBe(1);
    expect(processCount({}, 0)).toBe(1);
  });
  it.each(['0', '-1', '1.5', 'two', '65'])('refuses %s naming the variable', (value) => {
    expect(() => processCount({ OUTPOST_WORKERS: value }, 2)).toThrow(/^OUTPOST_WORKERS must be a whole number from 1 to 64, got/);
  });
});

describe('auditProcess', () => {
  it('is shared unless OUTPOST_AUDIT_PROCESS says own, and refuses anything else naming the variable', () => {
    expect(auditProcess({})).toBe('shared');
    expect(auditProcess({ OUTPOST_AUDIT_PROCESS: ' ' })).toBe('shared');
    expect(auditProcess({ OUTPOST_AUDIT_PROCESS: 'Own' })).toBe('own');
    expect(() => auditProcess({ OUTPOST_AUDIT_PROCESS: 'separate' })).toThrow(/^OUTPOST_AUDIT_PROCESS must be shared or own, got "separate"/);
  });
});

describe('per-process workerd configs', () => {
  let root = '';
  let facts: ReturnType<typeof gatherLaunchFacts>;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'outpost-workers-launch-'));
    const { values } = resolveEnvironment({ OUTPOST_STATE_DIR: join(root, 'state'), AUDIT_QUEUE_DB_PATH: join(root, 'audit', 'audit_queue.db'), OUTPOST_AIRGAP: 'true', OUTPOST_ADMIN_PORT: '9091' }, root);
    prepareWritableFolders(values);
    facts = gatherLaunchFacts(values, join(root, 'dist'), nodeLaunchFiles);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('without a role the config is the single process one: no internal socket, no peers', () => {
    const single = renderWorkerdConfig(facts);
    expect(single).toContain('durableObjectNamespaces');
    expect(single).not.toContain('OUTPOST_PROCESS_INDEX');
    expect(single).not.toContain('unix:');
    expect(single).not.toContain('OUTPOST_WORKERS');
  });

  it('process 0 owns the queue; process 1 has no Durable Object and reaches process 0 through AUDIT_OWNER', () => {
    const dir = '/tmp/outpost-Ab12Cd';
    const owner = renderWorkerdConfig(facts, { index: 0, count: 2, socketDir: dir });
    const other = renderWorkerdConfig(facts, { index: 1, count: 2, socketDir: dir });

    expect(owner).toContain('(className = "AuditQueueObject", uniqueKey = "outpost-audit", enableSql = true)');
    expect(owner).toMatch(/durableObjectStorage = \(localDisk = "volume-VOLUME_\d+"\)/);
    expect(owner).toContain('(name = "AUDIT_QUEUE", durableObjectNamespace = "AuditQueueObject")');
    expect(owner).not.toContain('AUDIT_OWNER');
    expect(owner).toContain('(name = "internal", address = "unix:/tmp/outpost-Ab12Cd/p0.sock", http = (injectRequestHeaders = [(name = "x-outpost-listener", value = "internal")]), service = "outpost")');
    expect(owner).toContain('(name = "PEER_1", service = "peer-1")');
    expect(owner).toContain('(name = "peer-1", external = (address = "unix:/tmp/outpost-Ab12Cd/p1.sock", http = ()))');

    expect(other).not.toContain('durableObjectNamespaces');
    expect(other).not.toContain('durableObjectStorage');
    expect(other).not.toContain('AUDIT_QUEUE"');
    expect(other).toContain('(name = "AUDIT_OWNER", service = "peer-0")');
    expect(other).toContain('(name = "OUTPOST_PROCESS_INDEX", text = "1")');
    expect(other).toContain('(name = "OUTPOST_PROCESS_COUNT", text = "2")');
    expect(other).toContain('address = "unix:/tmp/outpost-Ab12Cd/p1.sock"');
    // Both serve the same main and admin sockets (the launcher passes them with --socket-fd).
    for (const text of [owner, other]) {
      expect(text).toMatch(/\(name = "http", address = "127\.0\.0\.1:8080"/);
      expect(text).toMatch(/\(name = "admin", address = "127\.0\.0\.1:9091"/);
    }
  });

  it('an audit queue owner of its own (OUTPOST_AUDIT_PROCESS=own) has the Durable Object and only its internal socket', () => {
    const dir = '/tmp/outpost-Ab12Cd';
    const owner = renderWorkerdConfig(facts, { index: 0, count: 3, socketDir: dir, serves: false });
    const server = renderWorkerdConfig(facts, { index: 2, count: 3, socketDir: dir, serves: true });
    expect(owner).toContain('(name = "AUDIT_QUEUE", durableObjectNamespace = "AuditQueueObject")');
    expect(owner).toContain('address = "unix:/tmp/outpost-Ab12Cd/p0.sock"');
    expect(owner).not.toMatch(/name = "http", address/);
    expect(owner).not.toMatch(/name = "admin", address/);
    expect(server).toContain('(name = "AUDIT_OWNER", service = "peer-0")');
    expect(server).toContain('(name = "PEER_1", service = "peer-1")');
    expect(server).toMatch(/\(name = "http", address = "127\.0\.0\.1:8080"/);
    expect(server).toMatch(/\(name = "admin", address = "127\.0\.0\.1:9091"/);
  });

  it('refuses a socket folder too long for a unix socket path', () => {
    expect(() => internalSocketPath(`/${'x'.repeat(120)}`, 0)).toThrow(/longer than 107 bytes; set TMPDIR/);
  });
});
