/**
 * Turns the policy's DLP settings for one risk tier into a ready-to-run scanner: which detectors
 * run with which action and tier, one Aho-Corasick automaton over every keyword list, and the
 * operator's patterns compiled by re2js (linear time; refused here, naming the rule, when invalid).
 */
import { RE2JS } from 're2js';
import type { DlpAction, DlpTier } from '../core/index.js';
import { DEFAULT_SCAN_BUDGET_UNITS } from './budget.js';
import { compileAnchors, LiteralGroups, type CompiledAnchor } from './anchor.js';
import { COMPLIANCE_BUNDLES } from './bundles.js';
import { CandidateFinder, type PrefilterKeyword } from './candidates.js';
import type { Detector } from './detector.js';
import { BUILTIN_DETECTORS, TIER1_DETECTORS } from './detectors/index.js';
import { KeywordAutomaton } from './keywords.js';
import { PrefilterIndex } from './prefilter.js';
import { RunSieve } from './run-sieve.js';
import type { ComplianceBundleId, DlpSettings } from './settings.js';

/** A setting the engine cannot run: the message names the rule. */
export class DlpConfigError extends Error {
  override name = 'DlpConfigError';
  constructor(
    readonly ruleId: string,
    message: string,
  ) {
    super(message);
  }
}

export interface CompiledDetector {
  readonly detector: Detector;
  readonly tier: DlpTier;
  readonly action: DlpAction;
  /** The prefilter keywords, lowercased when they compare case-insensitively. */
  readonly keywords: readonly string[] | undefined;
  /** The prefilter keywords as ids into the candidate finder's keyword list. */
  readonly keywordIds?: readonly number[];
  /** Where the detector stands in the compiled list: its prefilter verdict's index (PrefilterIndex), kept when a caller runs a subset. */
  readonly index: number;
  /** Where the pattern can match (from `detector.anchor`), and the sticky pattern tried there. */
  readonly anchors?: readonly CompiledAnchor[];
  readonly sticky?: RegExp;
}

export interface CompiledKeywordRule {
  readonly id: string;
  readonly type: string;
  readonly action: DlpAction;
  readonly score: number;
  readonly caseSensitive: boolean;
  readonly tier: DlpTier;
}

export interface CompiledCustomPattern {
  readonly id: string;
  readonly type: string;
  readonly regex: RE2JS;
  /** Lowercased prefilter keywords. */
  readonly keywords: readonly string[] | undefined;
  readonly action: DlpAction;
  readonly score: number;
}

export interface CompiledDlp {
  readonly settings: DlpSettings;
  readonly detectors: readonly CompiledDetector[];
  /** One automaton over every keyword of every list; `keywordOwners[i]` says which rule keyword i belongs to. */
  readonly automaton: KeywordAutomaton | null;
  readonly keywordOwners: readonly { readonly rule: CompiledKeywordRule; readonly keyword: string }[];
  readonly customPatterns: readonly CompiledCustomPattern[];
  /** The one pass over a text that finds every detector's anchors and prefilter keywords. */
  readonly candidates: CandidateFinder;
  /** Sorts that pass's digit runs and capitals to the anchors that may start a match there. */
  readonly sieve: RunSieve;
  /** Which detectors (by index in `detectors`) the keywords the pass saw let run. */
  readonly prefilter: PrefilterIndex;
  /** Characters a stream inspector holds back so a value split across chunks is still whole when scanned. */
  readonly holdBackChars: number;
  /** Work units one request's scan may spend before it fails closed (budget.ts). */
  readonly scanBudgetUnits: number;
  /** Number of active rules (detectors, keyword lists, custom patterns), for the startup log. */
  readonly ruleCount: number;
}

const SEVERITY: Readonly<Record<DlpAction, number>> = { flag: 1, redact: 2, block: 3 };

/** The stricter of two actions: a value two rules care about gets the stronger treatment. */
export function stricterAction(a: DlpAction, b: DlpAction): DlpAction {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

/** Longest fixed-shape value a built-in detector matches (Anthropic keys, ~110), with margin. */
export const DEFAULT_HOLD_BACK_CHARS = 128;

const isDisabled = (id: string, disabled: readonly string[]): boolean => disabled.some((d) => id === d || id.startsWith(`${d}.`));

function compileCustomPattern(rule: DlpSettings['custom_patterns'][number]): CompiledCustomPattern {
  if (!rule.id) throw new DlpConfigError('(unnamed)', 'A custom DLP pattern has no id');
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(rule.pattern, rule.case_insensitive ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    // re2js refuses backreferences and lookaround: the constructs that need backtracking.
    throw new DlpConfigError(rule.id, `DLP rule "${rule.id}": invalid pattern (${(error as Error).message}); patterns run in a linear-time engine without backreferences or lookaround`);
  }
  if (regex.matcher('').find()) throw new DlpConfigError(rule.id, `DLP rule "${rule.id}": the pattern matches the empty string`);
  return {
    id: rule.id,
    type: rule.type,
    regex,
    keywords: rule.keywords?.length ? rule.keywords.map((k) => k.toLowerCase()) : undefined,
    action: rule.action,
    score: rule.score ?? 0.9,
  };
}

/** The same pattern, matching only where lastIndex points (tried at anchor positions). */
const stickyTwin = (pattern: RegExp): RegExp => new RegExp(pattern, pattern.flags.includes('y') ? pattern.flags : `${pattern.flags}y`);

/** Distinct prefilter keywords of all detectors, numbered for the candidate finder. */
class PrefilterKeywords {
  readonly list: PrefilterKeyword[] = [];
  private readonly ids = new Map<string, number>();
  idOf(keyword: string, caseInsensitive: boolean): number {
    const key = `${caseInsensitive ? 'i' : 's'}:${keyword}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.list.length;
      this.list.push({ keyword, caseInsensitive });
      this.ids.set(key, id);
    }
    return id;
  }
}

/**
 * @example
 * const dlp = compileDlp({ ...settings, custom_patterns: [{ id: 'custom.project', type: 'PROJECT', pattern: 'PRJ-[0-9]{4}', action: 'redact' }] });
 * scanText(dlp, 'see PRJ-1234'); // [{ type: 'PROJECT', rule: 'custom.project', start: 4, end: 12, … }]
 */
export function compileDlp(settings: DlpSettings): CompiledDlp {
  const disabled = settings.tier1.disabled_detectors ?? [];
  const chosen = new Map<string, { detector: Detector; tier: DlpTier; action: DlpAction }>();

  if (settings.tier1.enabled) {
    for (const detector of TIER1_DETECTORS) {
      if (isDisabled(detector.id, disabled)) continue;
      const action = settings.tier1.entity_actions?.[detector.type] ?? settings.tier1.action;
      chosen.set(detector.id, { detector, tier: 1, action });
    }
  }

  const keywordOwners: { rule: CompiledKeywordRule; keyword: string }[] = [];
  let keywordRuleCount = 0;
  for (const [bundleId, choice] of Object.entries(settings.bundles) as [ComplianceBundleId, { action?: DlpAction } | undefined][]) {
    const bundle = COMPLIANCE_BUNDLES[bundleId];
    if (!bundle) throw new DlpConfigError(`bundle.${bundleId}`, `Unknown DLP compliance bundle "${bundleId}"`);
    if (!choice) continue;
    for (const id of bundle.detectors) {
      const detector = BUILTIN_DETECTORS.get(id);
      if (!detector || isDisabled(id, disabled)) continue;
      const action = choice.action ?? bundle.defaultAction;
      const existing = chosen.get(id);
      chosen.set(id, existing ? { ...existing, action: stricterAction(existing.action, action) } : { detector, tier: 2, action });
    }
    for (const list of bundle.keywordLists) {
      if (isDisabled(list.id, disabled)) continue;
      const rule: CompiledKeywordRule = {
        id: list.id,
        type: list.type,
        action: choice.action ?? list.action ?? bundle.defaultAction,
        score: list.score ?? 0.85,
        caseSensitive: list.caseSensitive ?? false,
        tier: 2,
      };
      keywordRuleCount++;
      for (const keyword of list.keywords) keywordOwners.push({ rule, keyword });
    }
  }

  for (const list of settings.keywords) {
    if (!list.id) throw new DlpConfigError('(unnamed)', 'A DLP keyword list has no id');
    const words = list.keywords.filter((k) => k.trim().length > 0);
    if (words.length === 0) throw new DlpConfigError(list.id, `DLP rule "${list.id}": the keyword list is empty`);
    const rule: CompiledKeywordRule = { id: list.id, type: list.type, action: list.action, score: 0.9, caseSensitive: false, tier: 2 };
    keywordRuleCount++;
    for (const keyword of words) keywordOwners.push({ rule, keyword: keyword.trim() });
  }

  const customPatterns = settings.custom_patterns.map(compileCustomPattern);
  const groups = new LiteralGroups();
  const prefilter = new PrefilterKeywords();
  const detectors: CompiledDetector[] = [...chosen.values()].map(({ detector, tier, action }, index) => ({
    detector,
    index,
    tier,
    action,
    keywords: detector.keywords && (detector.keywordsCaseInsensitive ? detector.keywords.map((k) => k.toLowerCase()) : detector.keywords),
    keywordIds: detector.keywords?.map((k) => prefilter.idOf(k, detector.keywordsCaseInsensitive ?? false)),
    ...(detector.anchor && { anchors: compileAnchors(detector.anchor, groups), sticky: stickyTwin(detector.pattern) }),
  }));

  return {
    settings,
    detectors,
    automaton: keywordOwners.length ? new KeywordAutomaton(keywordOwners.map((o) => o.keyword)) : null,
    keywordOwners,
    customPatterns,
    candidates: new CandidateFinder(groups.groups, prefilter.list, keywordOwners.map((o) => o.keyword), groups.wordStartOnly),
    sieve: new RunSieve(detectors.flatMap((d) => d.anchors ?? [])),
    prefilter: new PrefilterIndex(detectors.map((d) => d.keywordIds)),
    holdBackChars: Math.max(32, settings.stream_hold_back_chars ?? DEFAULT_HOLD_BACK_CHARS),
    scanBudgetUnits: settings.scan_budget_units ?? DEFAULT_SCAN_BUDGET_UNITS,
    ruleCount: detectors.length + keywordRuleCount + customPatterns.length,
  };
}
