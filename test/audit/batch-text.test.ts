// The cluster's audit append body (worker/audit/batch-text.ts): event texts joined by newlines
// must split back into exactly the texts sent, whatever their strings hold, and anything else
// must be refused rather than half-committed.
import { describe, expect, it } from 'vitest';
import { joinBatch, splitBatch } from '../../worker/audit/batch-text.js';
import { eventText } from '../../worker/audit/event-text.js';
import { sampleEvent } from './helpers.js';

describe('audit batch text', () => {
  it('round-trips texts whose strings hold newlines, NULs and separators', () => {
    const texts = [
      eventText(sampleEvent()),
      eventText(sampleEvent({ request_id: 'a\nb\r\n\u0000c', route: '\n\n', caller: { subject: 'x\ny', groups: ['\n'], method: 'oidc' } })),
      eventText(sampleEvent({ findings: [], project_id: 'p\nq' })),
    ];
    expect(texts.every((t) => !t.includes('\n'))).toBe(true);
    expect(splitBatch(joinBatch(texts), 1024)).toEqual(texts);
  });

  it('refuses an empty body, too many texts and lines that are not event texts', () => {
    const text = eventText(sampleEvent());
    expect(splitBatch('', 1024)).toBeNull();
    expect(splitBatch(joinBatch([text, text, text]), 2)).toBeNull();
    expect(splitBatch('[{"decision":"allow"}]', 1024)).toBeNull();
    expect(splitBatch(`${text}\n`, 1024)).toBeNull();
    expect(splitBatch(`${text}\n{"x":1}`, 1024)).toBeNull();
  });
});
