/**
 * The catalog of projects: every project folder found at startup, with what routing needs before
 * a project is compiled (hostnames, the JWT claim naming the project, the API key names it
 * grants). Read from each bundle's JSON without verifying or compiling it, so a site with a
 * thousand projects starts in one folder scan; the signature and everything else are checked
 * when a project is compiled, and routing facts are then refreshed from the bundle that won.
 */
import type { GatewayConfig } from '../config/index.js';
import type { Logger } from '../log/index.js';
import type { Volumes } from '../runtime/index.js';
import type { PolicyBundle } from '../policy/bundle.js';
import { BUNDLE_FILE } from '../policy/bundle.js';
import { PROJECT_ID, projectFolder, projectsDir } from './folder.js';

/** What routing knows about one project. */
export interface ProjectEntry {
  readonly id: string;
  readonly hostnames: readonly string[];
  /** The JWT claim whose value names the caller's project (bundle project.token_claim). */
  readonly tokenClaim?: string;
  /** OUTPOST_API_KEYS names this project's bundle grants (auth.api_keys). */
  readonly apiKeyNames: readonly string[];
}

/** Routing facts of a bundle that names `id`; only the id when it names another project or none. */
export function entryOf(id: string, bundle: Partial<PolicyBundle> | null): ProjectEntry {
  const project = bundle?.project;
  if (!project || project.id !== id) return { id, hostnames: [], apiKeyNames: [] };
  const hostnames = Array.isArray(project.hostnames) ? project.hostnames.filter((h): h is string => typeof h === 'string').map((h) => h.toLowerCase()) : [];
  const keys = bundle?.auth?.mode === 'api_key' && bundle.auth.api_keys && typeof bundle.auth.api_keys === 'object' ? Object.keys(bundle.auth.api_keys) : [];
  return { id, hostnames, ...(typeof project.token_claim === 'string' ? { tokenClaim: project.token_claim } : {}), apiKeyNames: keys };
}

/**
 * Lookups by id, hostname, claim and key name; entries are replaced as projects compile or install.
 * @example
 * const catalog = await scanProjects(config, runtime.volumes, log);
 * catalog.byHost('research.example'); // 'research'
 */
export class ProjectCatalog {
  private readonly entries = new Map<string, ProjectEntry>();
  private hosts = new Map<string, string>();
  private keyOwners = new Map<string, string[]>();

  constructor(
    entries: readonly ProjectEntry[],
    private readonly log?: Logger,
  ) {
    for (const e of entries) this.entries.set(e.id, e);
    this.reindex();
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  ids(): string[] {
    return [...this.entries.keys()].sort();
  }

  get(id: string): ProjectEntry | undefined {
    return this.entries.get(id);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The project answering to a Host header value (port and case ignored). */
  byHost(host: string): string | undefined {
    return this.hosts.get(host.toLowerCase().replace(/:\d+$/, ''));
  }

  /** The one project granting an API key name; undefined when none or several do. */
  byApiKeyName(name: string): string | undefined {
    const owners = this.keyOwners.get(name);
    return owners?.length === 1 ? owners[0] : undefined;
  }

  /** Distinct JWT claim names the projects use, with the projects using each. */
  tokenClaims(): Map<string, Set<string>> {
    const claims = new Map<string, Set<string>>();
    for (const e of this.entries.values()) if (e.tokenClaim) claims.set(e.tokenClaim, (claims.get(e.tokenClaim) ?? new Set()).add(e.id));
    return claims;
  }

  /** Replaces one project's routing facts (after it compiled or a bundle was installed). */
  update(entry: ProjectEntry): void {
    const before = this.entries.get(entry.id);
    if (before && JSON.stringify(before) === JSON.stringify(entry)) return;
    this.entries.set(entry.id, entry);
    this.reindex();
  }

  /** A hostname claimed by two projects routes to neither (logged): a guess would leak one's traffic to the other. */
  private reindex(): void {
    const hosts = new Map<string, string>();
    const clashes = new Set<string>();
    const keyOwners = new Map<string, string[]>();
    for (const e of this.entries.values()) {
      for (const h of e.hostnames) {
        if (hosts.has(h) && hosts.get(h) !== e.id) clashes.add(h);
        else hosts.set(h, e.id);
      }
      for (const k of e.apiKeyNames) keyOwners.set(k, [...(keyOwners.get(k) ?? []), e.id]);
    }
    for (const h of clashes) {
      hosts.delete(h);
      this.log?.error(`Projects: hostname ${h} is named by more than one project; it routes to none of them`);
    }
    this.hosts = hosts;
    this.keyOwners = keyOwners;
  }
}

async function readEntry(config: GatewayConfig, volumes: Volumes, id: string, log: Logger): Promise<ProjectEntry> {
  const file = `${projectFolder(config, id).policyDir}/${BUNDLE_FILE}`;
  try {
    const bytes = await volumes.read(file);
    if (!bytes) return entryOf(id, null);
    return entryOf(id, JSON.parse(new TextDecoder().decode(bytes)) as Partial<PolicyBundle>);
  } catch (e) {
    // Refused properly (with every problem) when the project compiles; routing by path or header still reaches it.
    log.warn(`Projects: cannot read ${file} for routing: ${(e as Error).message}`);
    return entryOf(id, null);
  }
}

/**
 * Scans $AIRGAP_POLICY_PATH/projects/ for project folders (names matching PROJECT_ID).
 * @example
 * const catalog = await scanProjects(config, runtime.volumes, log); // "Projects: 3 found in /etc/outpost/policy/projects"
 */
export async function scanProjects(config: GatewayConfig, volumes: Volumes, log: Logger): Promise<ProjectCatalog> {
  const dir = projectsDir(config);
  let names: string[] | null = null;
  try {
    names = await volumes.list(dir);
  } catch (e) {
    log.error(`Projects: cannot list ${dir}: ${(e as Error).message}`);
  }
  if (names === null) log.error(`Projects mode: no folder ${dir}; every model call is refused with 404 project_not_found`);
  const ids = (names ?? []).filter((n) => PROJECT_ID.test(n)).sort();
  for (const n of names ?? []) if (!PROJECT_ID.test(n)) log.warn(`Projects: ignoring ${dir}/${n}: not a project id (lower-case letters, digits, _ and -)`);
  const entries: ProjectEntry[] = [];
  // Bounded parallel reads: a thousand sequential disk-service round trips would dominate start time.
  for (let i = 0; i < ids.length; i += 32) entries.push(...(await Promise.all(ids.slice(i, i + 32).map((id) => readEntry(config, volumes, id, log)))));
  log.info(`Projects: ${ids.length} found in ${dir}`);
  return new ProjectCatalog(entries, log);
}
