/**
 * People and the ways business text writes their names. Each render function returns pieces for
 * DocBuilder.add: the name parts labelled PERSON, titles and punctuation left as plain text.
 * @example
 * const p = person(rng); b.add(names.titled(rng, p)); // "Ms. " + PERSON "Okafor"
 */
import { NATIVE, TRADITIONS } from './name-pools.mjs';
import { val } from '../builder.mjs';

const FAMILY_FIRST = new Set(['vietnamese', 'chinese_latin', 'japanese_latin', 'korean_latin']);
const TRADITION_WEIGHTS = Object.keys(TRADITIONS).map((t) => [t === 'anglo' ? 6 : t === 'hispanic' || t === 'south_asian' ? 3 : 1.5, t]);

/** A person in a Latin-script tradition (or, 1 in 12, in a native script). */
export function person(rng, { latinOnly = false } = {}) {
  if (!latinOnly && rng.chance(1 / 12)) {
    const script = rng.pick(Object.keys(NATIVE));
    const n = NATIVE[script];
    const given = rng.pick(n.given);
    const family = rng.pick(n.family);
    const full = n.givenFirst ? `${given}${n.join}${family}` : `${family}${n.join}${given}`;
    return { given, family, full, native: true, tradition: script };
  }
  const tradition = rng.weighted(TRADITION_WEIGHTS);
  const t = TRADITIONS[tradition];
  const given = rng.pick(t.given);
  const family = rng.pick(t.family);
  const familyFirst = FAMILY_FIRST.has(tradition) && (tradition === 'vietnamese' || rng.chance(0.5));
  return { given, family, full: familyFirst ? `${family} ${given}` : `${given} ${family}`, familyFirst, tradition };
}

/** How a name is written, and whether in its own script. */
const form = (p, style) => (p.native ? `native:${style}` : style);
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const TITLES = ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.', 'Mx.', 'Mr', 'Ms', 'Dr', 'Nurse', 'Officer', 'Judge', 'Coach', 'Sr.', 'Sra.', 'Herr', 'Frau', 'Mme', 'M.'];

export const names = {
  full: (_rng, p) => [val('PERSON', p.full, form(p, 'full'))],
  /** "Okafor, Chinonso" as directories and exports write it. */
  lastFirst: (_rng, p) => [val('PERSON', p.native ? p.full : `${p.family}, ${p.given}`, form(p, 'lastFirst'))],
  upper: (_rng, p) => [val('PERSON', p.full.toUpperCase(), form(p, 'upper'))],
  lower: (_rng, p) => [val('PERSON', p.full.toLowerCase(), form(p, 'lower'))],
  given: (_rng, p) => [val('PERSON', p.given, form(p, 'given'))],
  givenLower: (_rng, p) => [val('PERSON', p.given.toLowerCase(), form(p, 'givenLower'))],
  /** "Dr. Haddad": the title is not part of the name. */
  titled: (rng, p) => [`${rng.pick(TITLES)} `, val('PERSON', p.native ? p.full : p.family, form(p, 'titled'))],
  titledFull: (rng, p) => [`${rng.pick(TITLES)} `, val('PERSON', p.full, form(p, 'titledFull'))],
  /** A middle initial: "Megan R. Whitfield". */
  middleInitial: (rng, p) => [val('PERSON', p.native || p.familyFirst ? p.full : `${p.given} ${rng.pick('ABCDEFGHJKLMNPRSTW')}. ${p.family}`, form(p, 'middleInitial'))],
  /** The family name alone, as reported speech uses it ("Kamau said"). */
  family: (_rng, p) => [val('PERSON', p.native ? p.full : cap(p.family), form(p, 'family'))],
  /** The family name in a last_name column (a native-script one alone too, as forms split it). */
  familyField: (_rng, p) => [val('PERSON', p.native ? p.family : cap(p.family), form(p, 'familyField'))],
  initialFamily: (_rng, p) => [val('PERSON', p.native || p.familyFirst ? p.full : `${p.given[0]}. ${p.family}`, form(p, 'initialFamily'))],
};

/** Any rendering, weighted toward the ordinary ones. */
export function anyName(rng, p) {
  const style = rng.weighted([[10, 'full'], [2, 'lastFirst'], [1, 'upper'], [3, 'given'], [3, 'titled'], [1, 'middleInitial'], [1, 'titledFull'], [1, 'initialFamily']]);
  return names[style](rng, p);
}

/** A work email for a person: the address is the EMAIL label; the name inside it is not a PERSON label. */
export function emailFor(rng, p, domain) {
  const FOLD = { ø: 'o', Ø: 'o', ß: 'ss', æ: 'ae', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ı: 'i' };
  const ascii = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[øØßæłŁđĐı]/g, (c) => FOLD[c]).replace(/[^A-Za-z]/g, '').toLowerCase();
  let g = ascii(p.given), f = ascii(p.family);
  if (!g) g = rng.pick(['anna', 'li', 'sam', 'kim', 'dana']);
  if (!f) f = rng.pick(['wang', 'park', 'ivanova', 'cohen', 'sharma']);
  const local = rng.pick([`${g}.${f}`, `${g[0]}${f}`, `${g}_${f}`, `${f}.${g[0]}`, `${g}${rng.int(1, 99)}`, `${g}.${f}+${rng.pick(['billing', 'hr', 'jira'])}`]);
  return val('EMAIL', `${local}@${domain}`);
}
