/**
 * Operator-facing log lines: `LEVEL message`, one line each, in the form of PRODUCT.md
 * (`INFO Air-gap mode enabled`). Never pass raw request content or secrets to it.
 *
 * @example
 * const log = createLogger('info');
 * log.info('Policy bundle loaded: version=2026-03-13, rules=47');
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Creates a logger that drops lines below `level`; errors and warnings go to stderr. */
export function createLogger(level: LogLevel = 'info'): Logger {
  const min = ORDER[level];
  const line = (lvl: LogLevel, message: string): void => {
    if (ORDER[lvl] < min) return;
    const text = `${lvl.toUpperCase()} ${message}`;
    if (lvl === 'error' || lvl === 'warn') console.error(text);
    else console.log(text);
  };
  return {
    debug: (m) => line('debug', m),
    info: (m) => line('info', m),
    warn: (m) => line('warn', m),
    error: (m) => line('error', m),
  };
}
