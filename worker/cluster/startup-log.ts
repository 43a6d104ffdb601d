/**
 * With OUTPOST_WORKERS > 1 every process builds the same gateway and would print the same
 * startup summary (PRODUCT.md's "Startup summary in air-gap mode") once per process. Process 0
 * prints it; the others keep their INFO lines at debug until their gateway is built. Warnings and
 * errors always pass: they may concern one process alone.
 */
import type { Logger } from '../log/index.js';
import { processTopology } from './topology.js';

export interface StartupLogger {
  readonly log: Logger;
  /** The gateway is built: INFO lines pass again. */
  done(): void;
}

/**
 * @example
 * const startup = startupLogger(createLogger(config.logLevel), runtime.env);
 * // ... build the gateway with startup.log ...
 * startup.done();
 */
export function startupLogger(log: Logger, env: Readonly<Record<string, unknown>>): StartupLogger {
  let quiet = processTopology(env).index !== 0;
  return {
    log: {
      debug: (m) => log.debug(m),
      info: (m) => (quiet ? log.debug(m) : log.info(m)),
      warn: (m) => log.warn(m),
      error: (m) => log.error(m),
    },
    done: () => void (quiet = false),
  };
}
