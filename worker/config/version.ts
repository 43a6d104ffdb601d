/** The gateway's version (package.json), compiled in by scripts/build.mjs. */
declare const __OUTPOST_VERSION__: string | undefined;

export const GATEWAY_VERSION: string = typeof __OUTPOST_VERSION__ === 'string' ? __OUTPOST_VERSION__ : '0.0.0-dev';
