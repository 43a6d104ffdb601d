/**
 * `outpost doctor` in projects mode (OUTPOST_MODE=projects): the project folders instead of the
 * single policy_bundle.json. Each project's bundle gets the standalone policy checks (parses,
 * signature) plus the projects-mode ones (project.id equals the folder, no hostname claimed twice);
 * problems are listed per project, and the projects that pass are summed up in one line.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ID } from '../worker/projects/folder.js';

/** doctor.ts's Finding, restated so that the two modules do not import each other. */
interface Finding {
  readonly check: string;
  readonly severity: 'ok' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly fix?: string;
}

/** True when the effective environment selects projects mode. */
export function projectsMode(values: Record<string, string>): boolean {
  return (values.OUTPOST_MODE ?? '').trim().toLowerCase() === 'projects';
}

/**
 * @example
 * checkProjects(values, checkPolicy); // [{ check: 'projects', severity: 'ok', message: '3 projects ...' }, ...]
 */
export function checkProjects(values: Record<string, string>, checkPolicy: (values: Record<string, string>) => Finding[]): Finding[] {
  const dir = join(values.AIRGAP_POLICY_PATH!, 'projects');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return [{ check: 'projects', severity: 'error', message: `OUTPOST_MODE=projects but ${dir} does not exist: every model call would get 404 project_not_found`, fix: 'create one folder per project holding its policy_bundle.json (docs/projects.md)' }];
  }
  const names = readdirSync(dir).sort();
  const ids = names.filter((n) => PROJECT_ID.test(n) && statSync(join(dir, n)).isDirectory());
  const out: Finding[] = names.filter((n) => !ids.includes(n)).map((n) => ({ check: 'projects', severity: 'warn' as const, message: `${join(dir, n)} is not a project folder (ids: lower-case letters, digits, _ and -); ignored`, fix: 'rename or remove it' }));
  const hostOwner = new Map<string, string>();
  let passing = 0;
  for (const id of ids) {
    const findings = checkPolicy({ ...values, AIRGAP_POLICY_PATH: join(dir, id) }).filter((f) => f.severity !== 'ok');
    const bundlePath = join(dir, id, 'policy_bundle.json');
    if (existsSync(bundlePath)) {
      try {
        const project = (JSON.parse(readFileSync(bundlePath, 'utf8')) as { project?: { id?: unknown; hostnames?: unknown } }).project;
        if (project?.id !== id) findings.push({ check: 'policy', severity: 'error', message: `${bundlePath} ${project?.id === undefined ? 'names no project (project.id)' : `names project ${JSON.stringify(project.id)}`}: it will be refused`, fix: `set "project": { "id": "${id}" } in the bundle, or move it to the right folder` });
        for (const host of Array.isArray(project?.hostnames) ? (project.hostnames as unknown[]) : []) {
          if (typeof host !== 'string') continue;
          const owner = hostOwner.get(host);
          if (owner && owner !== id) findings.push({ check: 'policy', severity: 'error', message: `hostname ${host} is claimed by projects ${owner} and ${id}: it routes to neither`, fix: 'give each hostname to one project' });
          else hostOwner.set(host, id);
        }
      } catch {
        // checkPolicy already reported the unparsable file
      }
    }
    if (!findings.some((f) => f.severity === 'error')) passing++;
    out.push(...findings.map((f) => ({ ...f, check: `project ${id}`, message: f.message })));
  }
  const cache = Number(values.OUTPOST_PROJECT_CACHE_SIZE ?? 64);
  out.unshift({ check: 'projects', severity: ids.length ? 'ok' : 'warn', message: `projects mode: ${ids.length} project${ids.length === 1 ? '' : 's'} in ${dir}, ${passing} without errors; up to ${cache} compiled at once`, ...(ids.length ? {} : { fix: 'add a folder per project with its policy_bundle.json' }) });
  if (ids.length > cache) out.push({ check: 'projects', severity: 'info', message: `more projects (${ids.length}) than OUTPOST_PROJECT_CACHE_SIZE (${cache}): the least recently used are recompiled on their next call` });
  return out;
}
