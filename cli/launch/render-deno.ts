/** Renders the `deno serve` arguments from launch facts; pure, no file access. */
import { join } from 'node:path';
import { targetAddress } from './targets.js';
import type { LaunchFacts } from './facts.js';

/**
 * `deno serve` arguments: the runtime's egress allow-list is Deno's --allow-net.
 * @example
 * spawn(denoBinary(), denoArgs(gatherLaunchFacts(values, distDir, nodeLaunchFiles)));
 */
export function denoArgs(facts: LaunchFacts): string[] {
  const { values, distDir, mounts } = facts;
  const net = new Set<string>([`${values.HOST}:${values.PORT}`]);
  for (const t of facts.targets) net.add(targetAddress(t).address);
  if (values.OUTPOST_AIRGAP !== 'true' && values.OUTPOST_PLATFORM_URL) net.add(new URL(values.OUTPOST_PLATFORM_URL).host);
  const readable = [distDir, ...mounts.map((m) => m.dir)];
  const writable = mounts.filter((m) => m.writable).map((m) => m.dir);
  return [
    'serve',
    '--quiet',
    `--host=${values.HOST}`,
    `--port=${values.PORT}`,
    '--allow-env',
    `--allow-net=${[...net].join(',')}`,
    `--allow-read=${readable.join(',')}`,
    ...(writable.length ? [`--allow-write=${writable.join(',')}`] : []),
    '--no-prompt',
    join(distDir, 'worker.js'),
  ];
}
