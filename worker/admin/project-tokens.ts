/**
 * Projects mode: read-only admin tokens scoped to one project (OUTPOST_PROJECT_ADMIN_TOKENS,
 * `project-id:token,...`). Such a token may only read its own project's records: the recent
 * decisions, the audit export and the policy status, all filtered to the project; everything
 * else (install, rollback, other projects, gateway-wide status, /metrics) is refused with 403.
 */
import { timingSafeEqual } from './token.js';
import { PROJECT_ID } from '../projects/folder.js';

export interface ProjectAdminToken {
  readonly project: string;
  readonly token: string;
}

const MIN_TOKEN_LENGTH = 16;

/**
 * Parses the variable; entries with a bad project id or a short token are skipped, with a warning
 * that never includes the token.
 * @example
 * parseProjectAdminTokens('research:0123456789abcdef01').tokens; // [{ project: 'research', token: '0123456789abcdef01' }]
 */
export function parseProjectAdminTokens(value: string): { tokens: ProjectAdminToken[]; warnings: string[] } {
  const tokens: ProjectAdminToken[] = [];
  const warnings: string[] = [];
  value.split(',').forEach((raw, i) => {
    const entry = raw.trim();
    if (!entry) return;
    const colon = entry.indexOf(':');
    const project = colon > 0 ? entry.slice(0, colon) : '';
    const token = entry.slice(colon + 1).trim();
    if (!PROJECT_ID.test(project)) warnings.push(`OUTPOST_PROJECT_ADMIN_TOKENS entry ${i + 1}: not project-id:token; entry ignored`);
    else if (token.length < MIN_TOKEN_LENGTH) warnings.push(`OUTPOST_PROJECT_ADMIN_TOKENS entry ${i + 1} (${project}): token shorter than ${MIN_TOKEN_LENGTH} characters; entry ignored`);
    else tokens.push({ project, token });
  });
  return { tokens, warnings };
}

/**
 * The project whose token was presented, comparing against every token without early exit.
 * @example
 * await projectOfAdminToken('0123456789abcdef01', tokens); // 'research'
 */
export async function projectOfAdminToken(presented: string, tokens: readonly ProjectAdminToken[]): Promise<string | undefined> {
  let matched: string | undefined;
  for (const t of tokens) if ((await timingSafeEqual(presented, t.token)) && matched === undefined) matched = t.project;
  return matched;
}

/** What a project token may do: GET on these admin API paths (under /admin/api). */
const READABLE = [/^\/admin\/api\/decisions$/, /^\/admin\/api\/audit\/export(\/manifest)?$/, /^\/admin\/api\/policy\/?$/];

/** True when a project-scoped token may make this request. */
export function projectTokenMayRead(method: string, path: string): boolean {
  return (method === 'GET' || method === 'HEAD') && READABLE.some((re) => re.test(path));
}
