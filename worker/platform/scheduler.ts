/**
 * The platform links' clock on workerd: a Durable Object whose alarm runs the due links and
 * re-arms itself. Alarms survive restarts and need no request to fire, which timers in a
 * stateless worker would not. Declared in the workerd config only in connected mode.
 */
import { sharedGateway } from '../gateway.js';
import { DurableObjectBase, type DurableObjectState } from '../runtime/durable-object-base.js';
import { createWorkerdRuntime } from '../runtime/workerd.js';

/**
 * @example
 * await env.PLATFORM_SCHEDULER.get(env.PLATFORM_SCHEDULER.idFromName('platform')).start();
 */
export class PlatformSchedulerObject extends DurableObjectBase {
  constructor(
    private readonly state: DurableObjectState,
    private readonly env: Record<string, unknown>,
  ) {
    super(state, env);
  }

  /** Arms the first alarm (idempotent: an armed alarm is left as it is). */
  async start(): Promise<void> {
    if ((await this.state.storage.getAlarm()) === null) await this.state.storage.setAlarm(Date.now());
  }

  async alarm(): Promise<void> {
    const gateway = await sharedGateway(() => createWorkerdRuntime(this.env));
    const next = gateway.platform ? await gateway.platform.tick() : null;
    if (next !== null) await this.state.storage.setAlarm(Math.max(next, Date.now() + 100));
  }
}
