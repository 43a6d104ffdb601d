/**
 * PERSON in scripts without capital letters (Han, Hangul, Kana, Arabic, Devanagari, Thai): no
 * capital marks a name there and the name lists hold Latin, Cyrillic and Greek spellings only, so a
 * run of such letters counts as a name only right after a name label ("Name:", "姓名：", "氏名:",
 * "이름:", "الاسم:", "नाम:") or a greeting or title ("Dear", "Hi", "Mr."), and only as long as names in
 * that script are (Han 2-4 characters, Hangul 2-4 syllables, Arabic or Devanagari 1-4 words).
 * Cyrillic and Greek names are capitalised and handled by person.ts.
 */
import type { Candidate, Detector } from '../detector.js';
import { NATIVE_NOT_A_NAME } from './person-native-cues.js';

/** Name labels in English (any case) and in the scripts' own languages; a full-width colon counts. */
const LATIN_LABELS = ['name', 'full name', 'customer name', 'patient name', 'employee name', 'contact', 'patient', 'customer', 'employee', 'client', 'applicant', 'dear', 'hi', 'hello', 'mr.', 'mrs.', 'ms.', 'dr.'];
const NATIVE_LABELS = ['姓名', '名字', '联系人', '聯絡人', '客户', '客戶', '患者', '氏名', '名前', '担当', '担当者', '이름', '성명', '담당자', '고객명', 'الاسم', 'اسم', 'السيد', 'السيدة', 'नाम', 'श्री', 'श्रीमती', 'ชื่อ', 'คุณ'];
const caseless = (label: string): string => [...label].map((c) => (/[a-z]/.test(c) ? `[${c.toUpperCase()}${c}]` : c === '.' ? '\\.' : c)).join('');
const LABEL = [...LATIN_LABELS.map(caseless), ...NATIVE_LABELS].sort((a, b) => b.length - a.length).join('|');

/** A name in one uncased script, as long as names in it are. */
const SCRIPT_NAME = [
  String.raw`[\p{Script=Han}]{2,4}`,
  String.raw`[\p{Script=Hangul}]{2,4}`,
  String.raw`[\p{Script=Katakana}\p{Script=Hiragana}ー・]{2,10}`,
  String.raw`[\p{Script=Arabic}]{2,12}(?: [\p{Script=Arabic}]{2,12}){0,3}`,
  String.raw`[\p{Script=Devanagari}]{2,12}(?: [\p{Script=Devanagari}]{2,12}){0,2}`,
  String.raw`[\p{Script=Thai}]{2,16}(?: [\p{Script=Thai}]{2,16})?`,
].join('|');

/** Words such fields hold when no name is given: "unknown", "none", "anonymous", "customer". */
const NOT_A_NAME = new Set(['未知', '不详', '不詳', '匿名', '无', '無', '先生', '女士', '小姐', '客户', '客戶', '不明', 'なし', '未定', '없음', '미상', '고객', 'غير معروف', 'مجهول', 'لا يوجد', 'अज्ञात', 'कोई नहीं', 'ไม่ระบุ']);

/** Long enough to be a name, not one of the placeholders, and no run of one repeated character. */
function scriptNameValid({ value }: Candidate): boolean | number {
  if (NOT_A_NAME.has(value) || NATIVE_NOT_A_NAME.has(value) || /^(.)\1+$/u.test(value)) return false;
  return 0.84;
}

export const SCRIPT_PERSON_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.person.uncased_script',
    anchor: { literals: [...LATIN_LABELS, ...NATIVE_LABELS].map((l) => l.split(' ')[0]!), notAfter: 'A-Za-z0-9_' },
    type: 'PERSON',
    description: 'Names in Han, Hangul, Kana, Arabic, Devanagari or Thai script after a name label, greeting or title ("姓名：王小明", "Dear 김민준")',
    pattern: new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${LABEL})["']?[ \t]{0,3}[:=：]?[ \t]{0,3}["'「]?(${SCRIPT_NAME})(?![\p{L}\p{N}])`, 'dgu'),
    group: 1,
    validator: scriptNameValid,
    score: 0.84,
    examples: ['姓名：王小明', 'Dear 김민준'],
  },
];
