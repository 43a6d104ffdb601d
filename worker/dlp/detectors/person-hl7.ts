/**
 * PERSON in HL7 v2 messages: the extended person name (XPN) and composite ID-and-name (XCN) data
 * types write a name as components, FAMILY^GIVEN^MIDDLE ("KARIMI^ARASH", "Lima^Ana^M"), in
 * PID-5 (patient), PID-6 (mother's maiden name), NK1-2 (next of kin), PV1-7/8/9 (doctors, after
 * an id: "3979^DANG^MINH^^^DR"), ORC-12, OBR-16 and others. The field's structure says "name",
 * so capitals say nothing and the lists only veto: each component must be a name or shaped like
 * one, never an ordinary word or a place ("CLINIC^^^HC", "MONTREAL^QC" fail).
 * Source of the layout: HL7 Version 2.5.1 chapter 2A (XPN, XCN); from general knowledge.
 */
import type { Candidate, Detector } from '../detector.js';
import { isBlockedToken, isKnownName, isOrdinaryWord, isPlaceName, isUnlistedNameShape } from './name-lexicon.js';

/** Lowercase particles that may open a family name component ("de Vries^Sanne", "von Hartmann^Svenja"). */
const LEADING_PARTICLE = String.raw`(?:(?:van|von|de|da|dos|das|del|della|di|du|le|la|ter|ten|bin|al|el)(?: (?:der|den|de|la|le|los|las|do|da))? )?`;
/** One name component: letters with inner spaces, apostrophes or hyphens ("VAN DIJK", "O'NEILL", "AL-HARBI"). */
const COMPONENT = String.raw`${LEADING_PARTICLE}\p{Lu}[\p{L}'’-]{0,24}(?: [\p{L}'’-]{1,24}){0,2}`;

/** A segment line: three capitals or digits, then the field separator ("PID|", "NK1|", "PV1|"). */
const SEGMENT_START = /(?:^|[\r\n])[A-Z][A-Z0-9]{2}\|[^\r\n]*$/;

const titleCase = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

/** A word of a component that may be part of a name: listed or name-shaped, and no ordinary word, place or organisation word. */
function nameWordFits(word: string): boolean {
  const name = titleCase(word);
  // isBlockedToken refuses organisation words except those that are common surnames too ("PARK^HAYOON").
  if (name.length < 2 || isBlockedToken(name)) return false;
  for (const part of name.split('-')) {
    const piece = titleCase(part);
    if (piece.length < 2) continue;
    if (isOrdinaryWord(piece) && !isKnownName(piece)) return false;
    if (isPlaceName(piece) && !isKnownName(piece)) return false;
    if (!isKnownName(piece) && !isUnlistedNameShape(piece)) return false;
  }
  return true;
}

/** Particles inside family names in capitals ("VAN DIJK", "DE LA CRUZ"). */
const PARTICLES = new Set(['DE', 'DA', 'DI', 'DO', 'DU', 'DOS', 'DAS', 'DEL', 'DELLA', 'LA', 'LE', 'VAN', 'VON', 'DER', 'DEN', 'TER', 'TEN', 'BIN', 'BINTI', 'IBN', 'AL', 'EL', 'Y']);

/**
 * FAMILY^GIVEN(^MIDDLE) inside an HL7 segment, every component name-like and one of them listed.
 * @example
 * hl7NameValid({ value: 'KARIMI^ARASH', text: 'PID|1||MRN1^^^HC^MR||KARIMI^ARASH||19500601', start: 21, end: 33 }); // 0.88
 */
export function hl7NameValid({ value, text, start }: Candidate): boolean | number {
  // The line this sits on is a segment; read back at most 400 characters (segments before PID-5 are short).
  if (!SEGMENT_START.test(text.slice(Math.max(0, start - 400), start))) return false;
  // Particles and a middle initial ("Lindqvist^Astrid^M") are left out of the check.
  const words = value.split(/[\^ ]/).filter((w) => w.length >= 2 && !PARTICLES.has(w.toUpperCase()));
  if (words.length < 2 || !words.every(nameWordFits)) return false;
  return words.some((w) => isKnownName(titleCase(w))) ? 0.88 : false;
}

export const HL7_PERSON_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.person.hl7_name',
    anchor: { literals: ['|'] },
    type: 'PERSON',
    description: 'Person names as HL7 v2 XPN/XCN components, FAMILY^GIVEN^MIDDLE, in segment fields (PID-5, NK1-2, PV1-7 …)',
    // A field opens with "|", an XCN's id (it holds a digit: "0421^WALSH^BRENDAN", never a family name) and "^" may come first;
    // the name's components end at the next "^", "|" or line end.
    pattern: new RegExp(String.raw`\|(?:[A-Za-z]{0,4}\d[A-Za-z0-9-]{0,19}\^)?(${COMPONENT}\^${COMPONENT}(?:\^${COMPONENT})?)(?=[\^|\r\n]|$)`, 'dgu'),
    group: 1,
    validator: hl7NameValid,
    score: 0.88,
    examples: ['PID|1||MRN56832979^^^HC^MR||KARIMI^ARASH||19500601|F'],
  },
];
