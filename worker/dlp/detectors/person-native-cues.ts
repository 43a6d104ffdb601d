/**
 * Where a name written in its own script stands, beyond what person-context.ts reads: the honorifics
 * those languages put after a name, lines that list people (To, cc, attendees), and chat speakers or
 * action owners at a line start ("- [ ] 서연: draft the RFC"). Each look reads at most one line's
 * first 160 characters, so the cost per candidate is constant.
 */

/** Honorifics after a name: Chinese 先生/女士/小姐, Japanese さん/様/氏, Korean 씨/님, Hindi जी. */
export const NATIVE_SUFFIX_AFTER = /^ ?(?:先生|女士|小姐|老师|老師|さん|さま|様|氏|君|くん|ちゃん|씨|님|선생님|जी)/u;

/**
 * Words such places hold that are no name: placeholders ("unknown", "none"), forms of address
 * without a name ("customer", "everyone", "sir") and common salutations.
 */
export const NATIVE_NOT_A_NAME: ReadonlySet<string> = new Set([
  '未知', '不详', '不詳', '匿名', '无', '無', '先生', '女士', '小姐', '客户', '客戶', '大家', '各位', '您好', '你好', '谢谢', '謝謝', '同事', '经理', '經理', '老师',
  '不明', 'なし', '未定', '皆様', 'みなさん', 'お客様', 'こんにちは', 'ありがとう', '担当者',
  '없음', '미상', '고객', '여러분', '안녕하세요', '감사합니다', '고객님',
  'غير معروف', 'مجهول', 'لا يوجد', 'عميل', 'مرحبا', 'شكرا',
  'לא ידוע', 'לקוח', 'שלום', 'תודה',
  'अज्ञात', 'कोई नहीं', 'ग्राहक', 'नमस्ते', 'धन्यवाद',
  'ไม่ระบุ', 'ลูกค้า', 'สวัสดี', 'ขอบคุณ',
  '姓名', '名字', '备注', '備註', '联系人', '聯絡人', '地址', '电话', '電話', '氏名', '名前', '住所', '備考', '이름', '성명', '주소', '비고', 'الاسم', 'العنوان', 'ملاحظات', 'שם', 'כתובת', 'नाम', 'पता', 'ชื่อ', 'ที่อยู่',
  'Неизвестно', 'Имя', 'Фамилия', 'Адрес', 'Όνομα', 'Επώνυμο', 'Διεύθυνση', 'Нет', 'Клиент', 'Привет', 'Спасибо', 'Здравствуйте', 'Москва', 'Россия',
  'Άγνωστο', 'Πελάτης', 'Γεια', 'Ευχαριστώ', 'Αθήνα', 'Ελλάδα',
]);

/** Lines whose items are people: To/From/cc headers and meeting attendees. */
const PEOPLE_LINE = /^[ \t>*-]*(?:to|from|cc|bcc|reply-to|attendees|participants|present|invitees|absent|apologies|owners?|reviewers?|assignees?)[ \t]*:/i;
/** A list item or checkbox at a line start: "- ", "* ", "1. ", "- [ ] ". */
const ITEM_PREFIX = /^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?$/;
/** A chat or transcript prefix at a line start: nothing, "> ", a time stamp in brackets. */
const SPEAKER_PREFIX = /^[ \t>]*(?:\[[^\]\n]{1,25}\][ \t]*)?$/;

/**
 * Whether the line the candidate is on says "person": a To/cc/attendees line with the candidate as
 * one of its items, or the candidate opening a line as a chat speaker or action owner (a colon after it).
 * @example
 * nativeLineCue('Attendees: Rodrigo, 渡辺健一, Femke', 20, 24); // true
 * nativeLineCue('- [ ] 서연: draft the RFC', 6, 8); // true
 */
export function nativeLineCue(text: string, start: number, end: number): boolean {
  const prefix = linePrefix(text, start);
  if (prefix === undefined) return false;
  // A speaker's colon is followed by a space; a label's ("姓名：", "备注:王") by the value.
  const colonAfter = text.charCodeAt(end) === 58 /* : */ && text.charCodeAt(end + 1) === 32;
  if (colonAfter && (ITEM_PREFIX.test(prefix) || SPEAKER_PREFIX.test(prefix))) return true;
  return isItemOfPeopleLine(prefix);
}

/**
 * Whether the candidate is an item of a To/From/cc or attendees line: right after the label's colon
 * or after a comma or semicolon ("Attendees: Rodrigo, ⟦Y. Xu⟧, Orla").
 * @example
 * inPeopleLine('Attendees: Rodrigo, Y. Xu, Orla', 20); // true
 */
export function inPeopleLine(text: string, start: number): boolean {
  // Cheapest test first, without allocating: an item follows the label's colon, a comma or a semicolon.
  let i = start - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 34 || text.charCodeAt(i) === 39)) i--;
  const c = text.charCodeAt(i);
  if (c !== 58 /* : */ && c !== 44 /* , */ && c !== 59 /* ; */) return false;
  const lineStart = lineStartWithin(text, start);
  if (lineStart < 0) return false;
  PEOPLE_LINE_AT.lastIndex = lineStart;
  return PEOPLE_LINE_AT.test(text);
}

const PEOPLE_LINE_AT = new RegExp(PEOPLE_LINE.source.slice(1), 'iy');

/** The start of the line holding `start`, or -1 when it lies more than 160 characters back (prose, not a header or list line). */
function lineStartWithin(text: string, start: number): number {
  const stop = Math.max(0, start - 160);
  for (let i = start - 1; i >= stop; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return stop === 0 ? 0 : -1;
}

/** Meeting lines whose commas separate people ("Attendees: Tang Xiaoling, C. Adeyemi"), unlike a To line's "Castillo, Chidi <…>". */
const ATTENDEES_LINE = /^[ \t>*-]*(?:attendees|participants|present|invitees|absent|apologies)[ \t]*:/i;

/**
 * Whether the candidate is on an attendees line, where a comma separates two people rather than a surname and a given name.
 * @example
 * onAttendeesLine('Attendees: T. Kendrick, Sanjay Bhattacharya', 15); // true
 */
export function onAttendeesLine(text: string, start: number): boolean {
  const prefix = linePrefix(text, start);
  if (prefix === undefined || !ATTENDEES_LINE.test(prefix)) return false;
  // "Attendees: Nasser, Noor; Lindemann, Annegret": semicolons separate the people, commas their names.
  const rest = text.slice(start, start + 160);
  const lineEnd = rest.indexOf('\n');
  return !prefix.includes(';') && !(lineEnd < 0 ? rest : rest.slice(0, lineEnd)).includes(';');
}

function isItemOfPeopleLine(prefix: string): boolean {
  return PEOPLE_LINE.test(prefix) && /(?::|[,;])[ \t]*["']?$/.test(prefix);
}

/** The line up to `start`, or undefined when the line is longer than 160 characters (prose, not a header or list line). */
function linePrefix(text: string, start: number): string | undefined {
  const from = Math.max(0, start - 160);
  const window = text.slice(from, start);
  const newline = window.lastIndexOf('\n');
  if (newline < 0 && from > 0) return undefined;
  return window.slice(newline + 1);
}
