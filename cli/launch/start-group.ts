/**
 * `outpost start` with OUTPOST_WORKERS > 1 on workerd: render one config per process into a
 * private folder, open the listening sockets, spawn the processes on them, wait until each one
 * is ready, and link AUDIT_QUEUE_DB_PATH to the owner's queue file as a single process does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LaunchFacts } from './facts.js';
import { renderWorkerdConfig } from './render-workerd.js';
import { internalSocketPath, OWNER_INDEX } from './render-processes.js';
import { withListeningSockets, type SocketRequest } from './listen-sockets.js';
import { spawnProcessGroup, waitGroupReady, type ProcessGroup } from './process-group.js';
import { auditFileLinked, linkWorkerdDatabase } from './audit-database.js';
import type { AuditProcess } from './process-count.js';

export interface GroupLaunch {
  readonly binary: string;
  readonly facts: LaunchFacts;
  readonly env: NodeJS.ProcessEnv;
  /** Processes serving the listening sockets (OUTPOST_WORKERS). */
  readonly count: number;
  /** 'own': one more process owns the audit queue and serves no public traffic (OUTPOST_AUDIT_PROCESS). */
  readonly auditProcess?: AuditProcess;
}

/**
 * Runs the group until it exits; resolves with the launcher's exit code.
 * @example
 * process.exitCode = await startWorkerdGroup({ binary: workerdBinary(), facts, env: env.processEnv, count: 2 });
 */
export async function startWorkerdGroup(launch: GroupLaunch): Promise<number> {
  const { values } = launch.facts;
  // The configs and the internal sockets live in one folder private to the service user (0700).
  const dir = mkdtempSync(join(tmpdir(), 'outpost-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const configs: string[] = [];
  const sockets: string[] = [];
  // With an owner of its own, process 0 is that owner and processes 1..count serve.
  const ownOwner = launch.auditProcess === 'own';
  const total = launch.count + (ownOwner ? 1 : 0);
  const serving = Array.from({ length: total }, (_, index) => !(ownOwner && index === OWNER_INDEX));
  try {
    for (let index = 0; index < total; index++) {
      const file = join(dir, `outpost-${index}.capnp`);
      writeFileSync(file, renderWorkerdConfig(launch.facts, { index, count: total, socketDir: dir, serves: serving[index]! }), { mode: 0o600 });
      configs.push(file);
      sockets.push(internalSocketPath(dir, index));
    }
  } catch (e) {
    cleanup();
    console.error(`ERROR ${(e as Error).message}`);
    return 1;
  }
  const requests: SocketRequest[] = [{ host: values.HOST!, port: Number(values.PORT), perProcess: launch.count }];
  if (values.OUTPOST_ADMIN_PORT) requests.push({ host: '127.0.0.1', port: Number(values.OUTPOST_ADMIN_PORT) });

  const spawnedAt = Date.now();
  let group: ProcessGroup;
  let spread = false;
  try {
    group = await withListeningSockets(requests, (fds) => {
      spread = fds[0]!.length > 1;
      return spawnProcessGroup({ binary: launch.binary, configs, env: launch.env, fds, serving });
    });
  } catch (e) {
    cleanup();
    console.error(`ERROR Cannot listen: ${(e as Error).message}`);
    return 1;
  }
  const how = spread ? 'one SO_REUSEPORT socket each' : 'one shared socket';
  // Every pid, process 0 first: test/audit/crash-cycles.mjs reads them from this line.
  const pids = `pids ${group.children.map((c) => c.pid).join(', ')}`;
  if (ownOwner) console.log(`INFO Outpost runs ${total} workerd processes on ${values.HOST}:${values.PORT}, ${launch.count} serving it with ${how} (${pids}); process ${OWNER_INDEX} owns the audit queue and serves no public traffic`);
  else console.log(`INFO Outpost runs ${launch.count} workerd processes on ${values.HOST}:${values.PORT}, ${how} (${pids}); process ${OWNER_INDEX} owns the audit queue`);
  process.on('SIGTERM', () => group.stop('SIGTERM'));
  process.on('SIGINT', () => group.stop('SIGINT'));
  const exited = group.exited.finally(cleanup);

  let done = false;
  void exited.then(() => (done = true));
  // workerd names the audit queue's file itself: link AUDIT_QUEUE_DB_PATH to it once it exists.
  const linked = linkWorkerdDatabase(values.AUDIT_QUEUE_DB_PATH!, 60_000, () => done).catch((e: Error) => console.error(`WARN Audit queue: ${e.message}`));
  void waitGroupReady(group, sockets).then(async (ready) => {
    group.startupLogged();
    if (ready) await auditFileLinked(linked);
    if (ready) console.log(`INFO Outpost ready on http://${values.HOST}:${values.PORT} (${Date.now() - spawnedAt} ms from spawn, ${total} processes)`);
  });
  return exited;
}
