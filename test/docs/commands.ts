/**
 * The commands the documentation tells operators to type: every line of every ```sh block in
 * README.md, docs/*.md and the release's OPERATIONS.md, and the one rewrite the docs-commands
 * test applies before running them (the site's absolute paths and host names to this test's).
 */
import { readFileSync } from 'node:fs';

export interface DocCommand {
  /** The document, relative to the repository (or the release) root. */
  readonly file: string;
  /** 1-based line of the command's first line. */
  readonly line: number;
  /** The command as written (continuation lines joined, the block's comment lines dropped). */
  readonly text: string;
}

/**
 * The commands of the ```sh blocks of one Markdown file, in document order.
 * @example
 * docCommands('docs/policy.md', text)[0]; // { file: 'docs/policy.md', line: 16, text: 'outpost policy validate policy_bundle.json' }
 */
export function docCommands(file: string, markdown: string): DocCommand[] {
  const commands: DocCommand[] = [];
  const lines = markdown.split('\n');
  let inSh = false;
  let pending: { line: number; text: string } | null = null;
  lines.forEach((raw, i) => {
    if (/^```/.test(raw)) {
      inSh = !inSh && /^```(sh|bash|shell)\s*$/.test(raw);
      return;
    }
    if (!inSh) return;
    if (!pending && (!raw.trim() || raw.trim().startsWith('#'))) return;
    const text: string = pending ? `${pending.text}\n${raw}` : raw;
    const line = pending?.line ?? i + 1;
    if (raw.endsWith('\\')) pending = { line, text };
    else {
      pending = null;
      commands.push({ file, line, text });
    }
  });
  return commands;
}

/** The commands of every file given as [name, path]. */
export function commandsOf(files: ReadonlyArray<readonly [string, string]>): DocCommand[] {
  return files.flatMap(([name, path]) => docCommands(name, readFileSync(path, 'utf8')));
}

/**
 * The documented optional syntax `[--flag value]`, which a shell would pass literally: the
 * command without the optional parts, and, when every optional part is concrete (no `...`), the
 * command with all of them.
 * @example
 * optionalVariants('doctor [--probe http://x/]'); // ['doctor', 'doctor --probe http://x/']
 */
export function optionalVariants(command: string): string[] {
  const groups = [...command.matchAll(/ \[([^\]]*)\]/g)];
  if (!groups.length) return [command];
  const without = command.replace(/ \[[^\]]*\]/g, '');
  const concrete = groups.filter((g) => !g[1]!.includes('...'));
  if (!concrete.length) return [without];
  const withConcrete = command.replace(/ \[([^\]]*)\]/g, (_m, inner: string) => (inner.includes('...') ? '' : ` ${inner}`));
  return [without, withConcrete];
}

/** Where the docs' site lives on a real host, and where this test puts it. */
export interface SiteRewrite {
  readonly root: string;
  readonly url: string;
  readonly release: string;
}

/**
 * The site-specific parts of a documented command swapped for the test's: absolute paths under
 * one temporary root, the documented host names for the live gateway's loopback URL, the
 * release's placeholder names for the release under test, and `sudo` (the test owns its site).
 * Nothing else of the command changes.
 */
export function rewrite(command: string, site: SiteRewrite): string {
  let out = command.replace(/(^|[;&|(]\s*|\n\s*)sudo /g, '$1');
  for (const prefix of ['/opt/outpost', '/media/usb', '/media/trusted', '/backup', '/secure', '/tmp/outpost-staging', '/tmp/sig.bin', '/etc/systemd/system']) {
    out = out.replace(new RegExp(`(?<![\\w./-])${prefix.replaceAll('/', '\\/').replaceAll('.', '\\.')}`, 'g'), `${site.root}${prefix}`);
  }
  out = out.replace(/http:\/\/(gw|gateway|127\.0\.0\.1):8080/g, site.url);
  // `export NAME=...`: the value is the operator's own; the test's environment holds it.
  out = out.replace(/^export ([A-Z_]+)=\.\.\.$/, 'export $1="$$$1"');
  // The backup's name, which the docs write as a pattern after making it with $(date ...).
  out = out.replaceAll('YYYYMMDD-HHMMSS', '*');
  out = out.replace(/outpost-(NEW|PREVIOUS)-linux-x64/g, site.release).replaceAll('{{RELEASE}}', site.release);
  return out;
}
