/**
 * The parts of the workerd config that differ between the processes of one launch
 * (OUTPOST_WORKERS > 1); pure, no file access.
 *
 * Every process serves the same listening sockets (the launcher passes them with --socket-fd)
 * and one private unix socket of its own, `p<index>.sock` in the launch's 0700 folder, on which
 * it answers only /internal/ routes (worker/cluster/). Process 0 owns the audit queue: only its
 * config declares the Durable Objects and their storage, so only it opens the SQLite file; the
 * others reach the queue through AUDIT_OWNER, an external service to process 0's socket.
 * Each process also gets PEER_<j> for every other process, to sum metrics and check readiness.
 *
 * With OUTPOST_AUDIT_PROCESS=own, process 0 serves no public traffic (`serves: false`): its config
 * has only the internal socket, and the launcher hands the listening sockets to the others.
 */
import { join } from 'node:path';
import { capnpString } from './capnp.js';

export interface ProcessRole {
  /** 0 owns the audit queue. */
  readonly index: number;
  readonly count: number;
  /** The launch's private folder (mode 0700) that holds every process's internal socket. */
  readonly socketDir: string;
  /** False for an audit queue owner that serves no public traffic (OUTPOST_AUDIT_PROCESS=own). */
  readonly serves?: boolean;
}

/** True unless the process is an owner that serves no public traffic. */
export function servesPublic(role: ProcessRole | undefined): boolean {
  return role?.serves !== false;
}

/** The process that owns the audit queue's Durable Object (and the platform scheduler). */
export const OWNER_INDEX = 0;

/** Longest unix socket path Linux accepts (sun_path is 108 bytes with its terminating NUL). */
const MAX_SOCKET_PATH = 107;

/**
 * @example
 * internalSocketPath('/tmp/outpost-Ab12Cd', 1); // '/tmp/outpost-Ab12Cd/p1.sock'
 */
export function internalSocketPath(socketDir: string, index: number): string {
  const path = join(socketDir, `p${index}.sock`);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) throw new Error(`the internal socket path ${path} is longer than ${MAX_SOCKET_PATH} bytes; set TMPDIR to a shorter folder`);
  return path;
}

/** True for the single-process launch (no role) and for process 0. */
export function ownsAuditQueue(role: ProcessRole | undefined): boolean {
  return !role || role.index === OWNER_INDEX;
}

const peerService = (index: number) => `peer-${index}`;

/** Bindings naming the process and its peers. */
export function processBindings(role: ProcessRole | undefined): string[] {
  if (!role) return [];
  const lines = [`(name = "OUTPOST_PROCESS_INDEX", text = ${capnpString(String(role.index))})`, `(name = "OUTPOST_PROCESS_COUNT", text = ${capnpString(String(role.count))})`];
  for (let j = 0; j < role.count; j++) if (j !== role.index) lines.push(`(name = ${capnpString(`PEER_${j}`)}, service = ${capnpString(peerService(j))})`);
  if (role.index !== OWNER_INDEX) lines.push(`(name = "AUDIT_OWNER", service = ${capnpString(peerService(OWNER_INDEX))})`);
  return lines;
}

/** External services reaching every other process's internal socket. */
export function peerServices(role: ProcessRole | undefined): string[] {
  if (!role) return [];
  const lines: string[] = [];
  for (let j = 0; j < role.count; j++) {
    if (j !== role.index) lines.push(`(name = ${capnpString(peerService(j))}, external = (address = ${capnpString(`unix:${internalSocketPath(role.socketDir, j)}`)}, http = ()))`);
  }
  return lines;
}

/** This process's own internal socket; its requests carry x-outpost-listener: internal. */
export function internalSocket(role: ProcessRole | undefined): string[] {
  if (!role) return [];
  const address = `unix:${internalSocketPath(role.socketDir, role.index)}`;
  return [`(name = "internal", address = ${capnpString(address)}, http = (injectRequestHeaders = [(name = "x-outpost-listener", value = "internal")]), service = "outpost")`];
}
