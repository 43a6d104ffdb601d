/**
 * The Deno release's rendering: exactly what `outpost config` and `outpost start` compute
 * (cli/environment.ts, cli/workerd-config.ts), bundled by scripts/release.mjs into the release,
 * so the release's sh launcher cannot drift from the Node CLI. (The workerd release renders from
 * a snapshot of the same launch paths: workerd.ts.)
 */
import { prepareWritableFolders, resolveEnvironment } from '../../../cli/environment.js';
import { workerdConfig } from '../../../cli/workerd-config.js';

/** The workerd config for a raw environment, as `outpost config` prints it from cwd. */
export function renderConfig(raw: Record<string, string | undefined>, cwd: string, distDir: string): string {
  return workerdConfig({ values: resolveEnvironment(raw, cwd).values, distDir });
}

/** What `outpost start` does before rendering: create the writable folders (and their files). */
export function prepare(raw: Record<string, string | undefined>, cwd: string): void {
  prepareWritableFolders(resolveEnvironment(raw, cwd).values);
}
