/**
 * The launch as `outpost config` and `outpost start` run it on Node: gather the facts from the
 * real file system (launch/facts.ts), then render (launch/render-workerd.ts, launch/render-deno.ts).
 */
import { gatherLaunchFacts } from './launch/facts.js';
import { nodeLaunchFiles } from './launch/node-files.js';
import { renderWorkerdConfig } from './launch/render-workerd.js';
import { denoArgs as renderDenoArgs } from './launch/render-deno.js';

export { AUDIT_UNIQUE_KEY, COMPATIBILITY_DATE } from './launch/render-workerd.js';
export type { VolumeMount } from './launch/facts.js';

export interface WorkerdConfigInput {
  /** Effective variable values (resolveEnvironment().values). */
  readonly values: Record<string, string>;
  /** Folder holding worker.js and modules.json. */
  readonly distDir: string;
}

/**
 * @example
 * const text = workerdConfig({ values: resolveEnvironment().values, distDir: '/srv/outpost/dist' });
 */
export function workerdConfig(input: WorkerdConfigInput): string {
  return renderWorkerdConfig(gatherLaunchFacts(input.values, input.distDir, nodeLaunchFiles));
}

/**
 * `deno serve` arguments for the environment, from the real file system.
 * @example
 * spawn(denoBinary(), denoArgs(values, '/srv/outpost/dist'));
 */
export function denoArgs(values: Record<string, string>, distDir: string): string[] {
  return renderDenoArgs(gatherLaunchFacts(values, distDir, nodeLaunchFiles));
}
