/** Target addresses as the runtimes' egress channels name them. */
import type { TargetConfig } from '../../worker/config/index.js';
import { targetBindingName } from '../../worker/runtime/workerd.js';

/**
 * host:port of a target's base URL, with the scheme's default port.
 * @example
 * targetAddress({ id: 'v', kind: 'openai', baseUrl: 'https://vllm.internal', models: [] }); // { address: 'vllm.internal:443', https: true }
 */
export function targetAddress(target: TargetConfig): { address: string; https: boolean } {
  const url = new URL(target.baseUrl);
  const https = url.protocol === 'https:';
  const port = url.port || (https ? '443' : '80');
  const host = url.hostname.includes(':') && !url.hostname.startsWith('[') ? `[${url.hostname}]` : url.hostname;
  return { address: `${host}:${port}`, https };
}

export interface TargetChannel {
  readonly binding: string;
  readonly address: string;
  readonly https: boolean;
}

/**
 * One runtime channel per target address (scheme, host, port), as the worker looks them up.
 * @example
 * targetChannels(facts.targets)[0].binding; // 'TARGET_HTTP_10_0_0_5_8000'
 */
export function targetChannels(targets: readonly TargetConfig[]): TargetChannel[] {
  const channels = new Map<string, TargetChannel>();
  for (const t of targets) {
    const binding = targetBindingName(t.baseUrl);
    if (!channels.has(binding)) channels.set(binding, { binding, ...targetAddress(t) });
  }
  return [...channels.values()];
}
