/**
 * Answers in chats and transcripts: a value that is the reply to the line before it, which asked
 * for it ("Agent: can I have your date of birth and phone?" / "Visitor: 3/4/85, 555-0142";
 * "got a new number" / "siobhan: 6148684698"). The reply line carries a speaker prefix and little
 * else before the value, so a value deep inside a sentence is not taken for an answer.
 */

/** A chat speaker prefix: an optional "[time]" and a short name ending with ":" (not a quoted JSON key). */
const SPEAKER = /^[ \t>]*(?:\[[^\]\n]{1,20}\][ \t]*)?[^\s:\d"'{][^:\n"]{0,30}:[ \t]+/;
/** Before the value, after the speaker: a few short words at most ("its", "sure, it's", "3/4/85 /"). */
const MAX_REPLY_PREFIX = 32;
const MAX_REPLY_WORDS = 3;
/** How far back the question line is read. */
const MAX_QUESTION = 200;
/** How far into its line a reply's value may start. */
const MAX_REPLY_LINE = 64;

/** The start of the line holding `at` (after its '\n'), if that '\n' is at most `reach` characters back; -1 otherwise (0 at the text's start). */
function lineStartWithin(text: string, at: number, reach: number): number {
  for (let i = at - 1; i >= 0 && i >= at - reach - 1; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return at - reach - 1 < 0 ? 0 : -1;
}

/**
 * Whether the value at `start` answers the line before, that is, its line is "speaker: value…"
 * with at most a few words before the value, and the previous line is a message without digits
 * (a question or remark, not a form field holding its own value) for which `asks` holds (lowercased).
 * @example
 * answersQuestion('Agent: your date of birth?\nVisitor: 3/4/85', 36, (q) => q.includes('birth')); // true
 */
export function answersQuestion(text: string, start: number, asks: (question: string) => boolean): boolean {
  // Bounded looks back (a text without line breaks must not be rescanned from each value: linear time).
  const lineStart = lineStartWithin(text, start, MAX_REPLY_LINE);
  if (lineStart <= 0) return false;
  const speaker = SPEAKER.exec(text.slice(lineStart, start));
  if (!speaker) return false;
  const reply = text.slice(lineStart + speaker[0].length, start);
  if (reply.length > MAX_REPLY_PREFIX || reply.split(/\s+/).filter(Boolean).length > MAX_REPLY_WORDS) return false;
  const questionStart = Math.max(0, lineStartWithin(text, lineStart - 1, MAX_QUESTION), lineStart - 1 - MAX_QUESTION);
  // The line before is another speaker's message, and a question or remark, not a filled-in form
  // field: "Date of birth: 12/5/1954" above "Date of service: 2024-02-23" answers nothing.
  const question = SPEAKER.exec(text.slice(questionStart, lineStart - 1));
  if (!question) return false;
  const asked = text.slice(questionStart + question[0].length, lineStart - 1);
  return !/\d/.test(asked) && asks(asked.toLowerCase());
}
