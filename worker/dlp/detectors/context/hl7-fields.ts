/**
 * Which field of an HL7 v2 message a value fills, named as a column header would name it
 * (`PID|1||MRN…||DOE^JANE||19850314|F…` puts 19850314 in PID-7, "date of birth"), so that the
 * birth-date, phone, SSN and licence detectors read pipe-delimited clinical messages as they read
 * a CSV file under its headers, and a timestamp field (OBX-14) is known for what it is.
 *
 * Field positions and meanings are those of the HL7 v2.5 standard's segment definitions (PID, NK1,
 * GT1, IN1, MSH, EVN, OBR, OBX, PV1), written here from the standard's field names; no table was copied.
 */
/** Labels of the fields the detectors care about, by "SEG-n"; worded to match their column rules. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  'PID-7': 'date of birth',
  'PID-13': 'home phone',
  'PID-14': 'business phone',
  'PID-19': 'ssn',
  'PID-20': "driver's license",
  'PID-29': 'death date/time',
  'NK1-5': 'phone',
  'NK1-6': 'business phone',
  'NK1-16': 'date of birth',
  'NK1-37': 'ssn',
  'GT1-6': 'home phone',
  'GT1-7': 'business phone',
  'GT1-8': 'date of birth',
  'GT1-12': 'ssn',
  'IN1-18': 'insured date of birth',
  'MSH-7': 'message date/time',
  'EVN-2': 'recorded date/time',
  'EVN-6': 'event date/time',
  'OBR-7': 'observation date/time',
  'OBR-8': 'observation end date/time',
  'OBR-22': 'result date/time',
  'OBX-14': 'observation date/time',
  'OBX-19': 'analysis date/time',
  'PV1-44': 'admit date/time',
  'PV1-45': 'discharge date/time',
};

/** How far back a value looks for the start of its segment. */
const MAX_SEGMENT = 2048;

/**
 * The label of the HL7 v2 field that [start, end) fills (the whole field, or its first component,
 * up to a `^`), in a text holding an MSH segment; undefined elsewhere or for fields not listed.
 * @example
 * hl7FieldAt('MSH|^~\\&|A|B\rPID|1||M1||DOE^JANE||19850314|F\r', 34, 42); // 'date of birth'
 */
export function hl7FieldAt(text: string, start: number, end: number): string | undefined {
  if (text[start - 1] !== '|') return undefined;
  const next = text[end];
  if (next !== undefined && next !== '|' && next !== '^' && next !== '\r' && next !== '\n') return undefined;
  if (!hasHl7Header(text)) return undefined;
  let fields = 0;
  let i = start - 1;
  const stop = Math.max(0, start - MAX_SEGMENT);
  for (; i >= stop; i--) {
    const ch = text[i];
    if (ch === '\r' || ch === '\n') break;
    if (ch === '|') fields++;
  }
  if (i < stop && stop > 0) return undefined;
  const segment = text.slice(i + 1, i + 4);
  if (!/^[A-Z][A-Z0-9]{2}$/.test(segment) || text[i + 4] !== '|') return undefined;
  // MSH-1 is the field separator itself, so MSH's fields count one higher.
  const field = segment === 'MSH' ? fields + 1 : fields;
  return FIELD_LABELS[`${segment}-${field}`];
}

let cachedText: string | undefined;
let cachedHeader = false;

/** Whether the text holds an HL7 v2 message header (MSH|^~\&, its encoding characters), checked once per text. */
function hasHl7Header(text: string): boolean {
  if (cachedText !== text) {
    cachedText = text;
    cachedHeader = text.includes('MSH|^~');
  }
  return cachedHeader;
}
