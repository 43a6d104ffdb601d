// Renders bin/outpost (the release's POSIX sh launcher) from release/outpost.sh.in.
// Everything data-like in the launcher is injected from the TypeScript sources `outpost config`
// runs on (the variable table, the path variables, the compatibility date, the egress-deny
// worker as cli/workerd-config.ts renders it), so only the rendering logic is written twice, and
// test/release/launcher-parity.test.ts holds the two renderings byte-identical.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, importTs } from './load-ts.mjs';

/** A shell single-quoted literal. */
export function sq(value) {
  return `'${String(value).replace(/'/g, `'\\''`)}'`;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Loads the sources the launcher is generated from. */
export async function launcherSources() {
  const [{ VARIABLES }, { PATH_VARIABLES }, { COMPATIBILITY_DATE, workerdConfig }] = await Promise.all([
    importTs('worker/config/variables.ts'),
    importTs('cli/environment.ts'),
    importTs('cli/workerd-config.ts'),
  ]);
  // The deny worker is not exported: take it from an air-gap rendering, as it reaches workerd.
  const sample = workerdConfig({ values: { ...Object.fromEntries(VARIABLES.map((v) => [v.name, v.default])), OUTPOST_AIRGAP: 'true' }, distDir: '/nonexistent' });
  const deny = /\(name = "egress-deny\.js", esModule = ("(?:[^"\\]|\\.)*")\)/.exec(sample);
  if (!deny) throw new Error('cli/workerd-config.ts no longer renders an egress-deny worker: update release/outpost.sh.in');
  return { VARIABLES, PATH_VARIABLES, COMPATIBILITY_DATE, denyWorker: deny[1] };
}

/**
 * @param {{ version: string, defaultRuntime: 'workerd' | 'deno', modules: Array<{name: string, type: string}> }} options
 * @returns {Promise<string>} the launcher's text
 */
export async function renderLauncher({ version, defaultRuntime, modules }) {
  const { VARIABLES, PATH_VARIABLES, COMPATIBILITY_DATE, denyWorker } = await launcherSources();
  for (const v of VARIABLES) if (!NAME.test(v.name)) throw new Error(`variable name not usable in sh: ${v.name}`);
  const applyDefaults = VARIABLES.map((v) => `  ${v.name}=\${${v.name}:-}` + (v.default === '' ? '' : `; [ -n "$${v.name}" ] || ${v.name}=${sq(v.default)}`));
  const bindings = VARIABLES.map((v) =>
    v.secret
      ? `  b ${sq(`(name = ${JSON.stringify(v.name)}, fromEnvironment = ${JSON.stringify(v.name)})`)}`
      : `  b "(name = \\"${v.name}\\", text = $(q "$${v.name}"))"`,
  );
  const moduleLines = modules.map((m) => {
    if (m.type !== 'wasm' && m.type !== 'data') throw new Error(`module ${m.name}: unknown type ${m.type}`);
    return `  printf ',\\n%s%s%s%s' "$I8" ${sq(`(name = ${JSON.stringify(m.name)}, ${m.type} = embed `)} "$(q "$DIST_DIR/"${sq(m.name)})" ')'`;
  });
  const replacements = {
    "'@VERSION@'": sq(version),
    "'@DEFAULT_RUNTIME@'": sq(defaultRuntime),
    "'@COMPATIBILITY_DATE@'": sq(COMPATIBILITY_DATE),
    "'@DENY_WORKER@'": sq(denyWorker),
    '@APPLY_DEFAULTS@': applyDefaults.join('\n'),
    '@PATH_VARIABLES@': PATH_VARIABLES.join(' '),
    '@TEXT_VARIABLES@': VARIABLES.filter((v) => !v.secret).map((v) => v.name).join(' '),
    '@ALL_VARIABLES@': VARIABLES.map((v) => v.name).join(' '),
    '@BINDINGS@': bindings.join('\n'),
    '@MODULES@': moduleLines.length ? moduleLines.join('\n') : '  :',
  };
  let text = readFileSync(join(ROOT, 'release', 'outpost.sh.in'), 'utf8');
  for (const [marker, value] of Object.entries(replacements)) {
    if (!text.includes(marker)) throw new Error(`release/outpost.sh.in lacks ${marker}`);
    text = text.split(marker).join(value);
  }
  const left = /@[A-Z_]+@/.exec(text);
  if (left) throw new Error(`release/outpost.sh.in: unreplaced marker ${left[0]}`);
  return text;
}
