/**
 * `outpost scan`: the DLP Tiers 1 and 2 offline, on files or stdin, so operators can check data
 * before it crosses the gap. Reports types, rule ids, tiers, scores and offsets; never a value.
 *
 *   outpost scan [FILE ...]                      plain text in (stdin without files), a report out
 *   outpost scan --jsonl [FILE]                  lines {"id","text"} in, lines {"id","findings":[...]} out,
 *                                                with "classification": {"label","score"} and tier-3 spans when Tier 3 is on
 *   --no-tier3                                   without the Tier 3 classifier (on by default with assets/model, as npm start)
 *   --bundles PCI,HIPAA,GDPR,SECRETS,CLASSIFICATION   which compliance bundles run (default: all, plus Tier 1)
 *   --policy policy_bundle.json --tier <risk tier>     the DLP settings a bundle gives that tier
 *
 * Exit status: 0 nothing found, 1 findings, 2 a usage or input error (bad lines are reported on
 * stderr with their line number and the rest is still scanned).
 */
import { readFileSync } from 'node:fs';
import { compileDlp, scanText, type CompiledDlp, type ComplianceBundleId, type DlpSettings, type Match } from '../worker/dlp/index.js';
import { resolveDlpSettings, validateBundle, formatProblem } from '../worker/policy/index.js';
import type { Tier3Classifier } from '../worker/dlp/settings.js';
import { tier3Matches, WHOLE_TEXT } from '../worker/dlp/tier3.js';
import { scanTier3 } from './scan-tier3.js';
import { parseFlags, UsageError, type FlagValues } from './flags.js';

const ALL_BUNDLES: readonly ComplianceBundleId[] = ['PCI', 'HIPAA', 'GDPR', 'SECRETS', 'CLASSIFICATION'];

/** Every detector on, every finding reported (the action does not matter offline). */
export function scanSettings(bundles: readonly ComplianceBundleId[] = ALL_BUNDLES): DlpSettings {
  return {
    tier1: { enabled: true, action: 'flag' },
    bundles: Object.fromEntries(bundles.map((b) => [b, { action: 'flag' as const }])),
    custom_patterns: [],
    keywords: [],
    redaction: 'mask',
    scan_response: true,
    on_error: 'block',
    tier3: { mode: 'off', action: 'flag', budget_ms: 0, on_budget_exceeded: 'pass' },
  };
}

const SCAN_FLAGS = { jsonl: { type: 'boolean' }, 'no-tier3': { type: 'boolean' }, bundles: { type: 'string' }, policy: { type: 'string' }, tier: { type: 'string' } } as const;

function settingsFrom(flags: FlagValues<typeof SCAN_FLAGS>): DlpSettings {
  const policyFile = flags.policy;
  if (policyFile) {
    const tier = flags.tier;
    if (!tier) throw new UsageError('--policy needs --tier <risk tier>');
    const result = validateBundle(readFileSync(policyFile));
    if (!result.ok) throw new UsageError(`${policyFile} is not a valid policy bundle:\n${result.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    if (!(tier in result.bundle.risk_tiers)) throw new UsageError(`${policyFile} has no risk tier "${tier}" (it has ${Object.keys(result.bundle.risk_tiers).join(', ')})`);
    return resolveDlpSettings(result.bundle, tier);
  }
  const list = flags.bundles;
  if (!list) return scanSettings();
  const names = list.split(',').map((b) => b.trim().toUpperCase()).filter(Boolean);
  const unknown = names.filter((n) => !ALL_BUNDLES.includes(n as ComplianceBundleId));
  if (unknown.length) throw new UsageError(`unknown bundle ${unknown.join(', ')} (known: ${ALL_BUNDLES.join(', ')})`);
  return scanSettings(names as ComplianceBundleId[]);
}

const publicFinding = (m: Match) => ({ start: m.start, end: m.end, type: m.type, rule: m.rule, tier: m.tier, score: Number(m.score.toFixed(3)) });

/** Line and column (1-based) of a string offset. */
function position(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${line}:${offset - lineStart + 1}`;
}

async function scanJsonl(compiled: CompiledDlp, tier3: Tier3Classifier | null, name: string, input: string, out: (line: string) => void, err: (line: string) => void): Promise<{ findings: number; errors: number }> {
  let findings = 0;
  let errors = 0;
  for (const [index, line] of input.split('\n').entries()) {
    if (!line.trim()) continue;
    let record: { id?: unknown; text?: unknown };
    try {
      record = JSON.parse(line) as { id?: unknown; text?: unknown };
    } catch {
      errors++;
      err(`ERROR ${name}:${index + 1}: not a JSON object`);
      continue;
    }
    if (!record || typeof record !== 'object' || typeof record.text !== 'string' || !('id' in record)) {
      errors++;
      err(`ERROR ${name}:${index + 1}: expected {"id": ..., "text": "..."}`);
      continue;
    }
    const matches = scanText(compiled, record.text).map(publicFinding);
    const t3 = tier3 ? await tier3.classify(record.text) : null;
    // Judged as the gateway judges it: the policy tier's threshold, sensitive labels and entities.
    const judged = t3 ? tier3Matches(t3, record.text, compiled.settings.tier3, tier3!) : [];
    const spans = judged.filter((m) => m.type !== WHOLE_TEXT).map((s) => ({ start: s.start, end: s.end, type: s.type, rule: 'tier3', tier: 3, score: Number(s.score.toFixed(3)) }));
    const sensitive = judged.some((m) => m.type === WHOLE_TEXT);
    findings += matches.length + spans.length + (sensitive ? 1 : 0);
    out(JSON.stringify({ id: record.id, findings: [...matches, ...spans], ...(t3 ? { classification: { label: t3.label, score: Number(t3.score.toFixed(3)) } } : {}) }));
  }
  return { findings, errors };
}

/**
 * @example
 * await scan(['--jsonl', 'prompts.jsonl']); // prints one line per input line; 1 when anything was found
 */
export async function scan(args: string[], io = { stdin: () => readFileSync(0, 'utf8'), out: (l: string) => console.log(l), err: (l: string) => console.error(l) }): Promise<number> {
  let compiled: CompiledDlp;
  let flags: FlagValues<typeof SCAN_FLAGS>;
  let files: string[];
  try {
    ({ flags, positionals: files } = parseFlags(args, SCAN_FLAGS, { positionals: Infinity }));
    compiled = compileDlp(settingsFrom(flags));
  } catch (e) {
    io.err(`ERROR ${(e as Error).message}`);
    return 2;
  }
  const inputs: Array<{ name: string; text: string }> = [];
  try {
    if (files.length) for (const f of files) inputs.push({ name: f, text: readFileSync(f, 'utf8') });
    else inputs.push({ name: 'stdin', text: io.stdin() });
  } catch (e) {
    io.err(`ERROR cannot read ${(e as NodeJS.ErrnoException).path ?? 'input'}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 2;
  }

  const tier3 = flags.jsonl && !flags['no-tier3'] ? await scanTier3(process.env, io.err) : null;
  let findings = 0;
  let errors = 0;
  for (const input of inputs) {
    if (flags.jsonl) {
      const r = await scanJsonl(compiled, tier3, input.name, input.text, io.out, io.err);
      findings += r.findings;
      errors += r.errors;
      continue;
    }
    const matches = scanText(compiled, input.text);
    findings += matches.length;
    for (const m of matches) io.out(`${input.name}:${position(input.text, m.start)}  ${m.type}  ${m.rule}  tier ${m.tier}  score ${m.score.toFixed(2)}  [${m.start}, ${m.end})`);
  }
  if (!flags.jsonl) io.err(`${findings} finding${findings === 1 ? '' : 's'} in ${inputs.length} input${inputs.length === 1 ? '' : 's'}`);
  return errors ? 2 : findings ? 1 : 0;
}
