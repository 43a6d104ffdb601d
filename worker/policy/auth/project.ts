/**
 * Projects mode: a caller authenticated for one project never reaches another. The project's
 * identify stage checks it after the credential verified: an API key must be granted by this
 * project's bundle (auth.api_keys), and when the bundle names a token claim (project.token_claim),
 * a JWT must carry it with this project's id. Either failure is a 403, never a silent move.
 */
import { GatewayError } from '../../core/index.js';
import { claimAt } from './claims.js';

/** The project a snapshot judges, and the JWT claim that names a caller's project. */
export interface ProjectBinding {
  readonly id: string;
  readonly tokenClaim?: string;
}

/**
 * @example
 * throw projectMismatch('research', 'the API key belongs to another project'); // 403 project_mismatch
 */
export function projectMismatch(id: string, why: string): GatewayError {
  return new GatewayError(403, 'project_mismatch', `This call is for project "${id}", but ${why}`, 'permission_error');
}

/**
 * Throws 403 project_mismatch unless the verified token's claim names this project.
 * @example
 * checkTokenProject({ project: 'research' }, { id: 'research', tokenClaim: 'project' }); // passes
 */
export function checkTokenProject(payload: Readonly<Record<string, unknown>>, project: ProjectBinding): void {
  if (!project.tokenClaim) return;
  const named = claimAt(payload, project.tokenClaim);
  if (named === project.id) return;
  throw projectMismatch(project.id, typeof named === 'string' ? 'the token belongs to another project' : `the token carries no ${project.tokenClaim} claim`);
}
