/**
 * The app's hono env with this gateway filled in: shared by app.ts and the admin routes, so that
 * neither imports the other (core/env.ts holds the shape, generic over the gateway).
 */
import type { AppEnv as AppEnvOf } from './core/index.js';
import type { Gateway } from './gateway.js';

export type AppEnv = AppEnvOf<Gateway>;
