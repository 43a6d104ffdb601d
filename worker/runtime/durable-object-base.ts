/**
 * The base class for Durable Objects. RPC on a stub needs the class to extend workerd's
 * `DurableObject` from cloudflare:workers; the same bundle also runs on Deno, where that module
 * does not exist, so it is imported only where it resolves (a plain class elsewhere). Both
 * Durable Objects (audit/durable-object.ts, platform/scheduler.ts) extend this one base.
 */
type BaseClass = new (ctx: unknown, env: unknown) => object;

const builtin = 'cloudflare:workers';
let base: BaseClass = class {};
try {
  base = ((await import(/* @vite-ignore */ builtin)) as { DurableObject: BaseClass }).DurableObject;
} catch {
  // not workerd
}

export const DurableObjectBase: BaseClass = base;

/** The parts of a Durable Object's state the gateway's objects use. */
export interface DurableObjectState {
  readonly storage: {
    getAlarm(): Promise<number | null>;
    setAlarm(when: number): Promise<void>;
  };
}
