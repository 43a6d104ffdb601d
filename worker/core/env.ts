/**
 * The app's environment: what hono carries for each request (app.ts and the admin routes share
 * it). Generic over the gateway so that this floor does not import the gateway that sits on it.
 */

/** Per-request facts that only the runtime knows (runtime/ fills them in). */
export interface RequestFacts {
  /** The socket peer's address, without port. */
  readonly peerAddress: string | undefined;
  /** Keeps the isolate alive for background work after the response. */
  waitUntil(promise: Promise<unknown>): void;
}

/**
 * hono's Env for the app: the bindings each fetch passes in, the variables the first middleware sets.
 * @example
 * const app = new Hono<AppEnv<Gateway>>();
 * app.get('/x', (c) => c.json({ id: c.get('requestId'), airGap: c.get('gateway').config.airGap }));
 */
export interface AppEnv<G> {
  /** pathProject: projects mode, the id of a /projects/<id>/ prefix the app stripped (projects/routes.ts). */
  Bindings: { getGateway: () => Promise<G>; facts: RequestFacts; pathProject?: string };
  /** adminProject: set when a project-scoped read-only admin token was presented (admin/project-tokens.ts). */
  Variables: { gateway: G; requestId: string; adminProject?: string };
}
