import { describe, expect, it } from 'vitest';
import { hasNewline, lineEndAt, lineStartAt } from '../../worker/dlp/detectors/context/line-index.js';

describe('line index', () => {
  it('answers as lastIndexOf/indexOf would, at every offset', () => {
    for (const text of ['', 'one line', 'a\nbc\n\nd', '\n\nx\n', 'id,dob\n7,1985-03-14\n']) {
      expect(hasNewline(text)).toBe(text.includes('\n'));
      for (let offset = 0; offset <= text.length; offset++) {
        // lastIndexOf(_, -1) searches from 0 and finds a newline there: offset 0 starts the first line.
        const start = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
        expect(lineStartAt(text, offset), `${JSON.stringify(text)} start at ${offset}`).toBe(start);
        const end = text.indexOf('\n', offset);
        expect(lineEndAt(text, offset), `${JSON.stringify(text)} end at ${offset}`).toBe(end === -1 ? text.length : end);
      }
    }
  });
});
