/**
 * Command-line flags through node:util parseArgs, strict: an unknown flag, a flag missing its
 * value or a stray argument is a UsageError naming it, which each command turns into its usage
 * message and exit code 2.
 */
import { parseArgs } from 'node:util';

/** A command line the command cannot run (exit code 2, with the usage text). */
export class UsageError extends Error {}

/**
 * A command's catch: a UsageError prints its problem and the command's usage and gives exit code
 * 2; anything else is rethrown.
 * @example
 * try { parsed = parseFlags(args, SPEC); } catch (e) { return usageExit(e, USAGE); }
 */
export function usageExit(error: unknown, usage: string): 2 {
  if (!(error instanceof UsageError)) throw error;
  console.error(`ERROR ${error.message}\n\n${usage}`);
  return 2;
}

export type FlagSpec = Readonly<Record<string, { readonly type: 'string' | 'boolean' }>>;

export type FlagValues<S extends FlagSpec> = { -readonly [K in keyof S]?: S[K]['type'] extends 'string' ? string : boolean };

export interface ParsedFlags<S extends FlagSpec> {
  readonly flags: FlagValues<S>;
  readonly positionals: string[];
}

function usageMessage(e: Error & { code?: string }, spec: FlagSpec): string {
  const known = Object.keys(spec).map((name) => `--${name}`).join(', ') || 'none';
  const unknown = /Unknown option '([^']+)'/.exec(e.message);
  if (unknown) return `unknown flag ${unknown[1]} (known: ${known})`;
  const missing = /Option '(--[^ ']+)[^']*' argument missing/.exec(e.message);
  if (missing) return `${missing[1]} needs a value`;
  const stray = /Unexpected argument '([^']+)'/.exec(e.message);
  if (stray) return `unexpected argument "${stray[1]}"`;
  return e.message;
}

/**
 * @example
 * const { flags, positionals } = parseFlags(['--out', 'keys', 'x'], { out: { type: 'string' } }, { positionals: 1 });
 * flags.out; // 'keys'
 */
export function parseFlags<S extends FlagSpec>(args: readonly string[], spec: S, options: { positionals?: number } = {}): ParsedFlags<S> {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: spec as Record<string, { type: 'string' | 'boolean' }>, strict: true, allowPositionals: (options.positionals ?? 0) > 0 });
  } catch (e) {
    throw new UsageError(usageMessage(e as Error, spec));
  }
  const limit = options.positionals ?? 0;
  if (parsed.positionals.length > limit) throw new UsageError(`unexpected argument "${parsed.positionals[limit]}"`);
  return { flags: parsed.values as FlagValues<S>, positionals: parsed.positionals };
}
