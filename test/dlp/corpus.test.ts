import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { generateCorpus, scoreCorpus } from './corpus.js';
import { settingsWith } from './fixtures.js';

describe('labeled corpus', () => {
  const corpus = generateCorpus();
  const compiled = compileDlp(settingsWith());
  const score = scoreCorpus(corpus, (text) => scanText(compiled, text));

  it('is deterministic', () => {
    expect(generateCorpus()[7]!.text).toBe(corpus[7]!.text);
  });

  it('meets the precision, recall and F1 floors', () => {
    const table = Object.entries(score.perType)
      .map(([t, s]) => `${t.padEnd(24)} P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} F1=${s.f1.toFixed(3)} (tp=${s.tp} fp=${s.fp} fn=${s.fn})`)
      .join('\n');
    console.log(`${table}\nOVERALL P=${score.precision.toFixed(4)} R=${score.recall.toFixed(4)} F1=${score.f1.toFixed(4)} negatives flagged=${(score.negativesFlagged * 100).toFixed(2)}% visible=${(score.visibleFraction * 100).toFixed(2)}%`);
    expect(score.f1).toBeGreaterThanOrEqual(0.95);
    for (const [type, s] of Object.entries(score.perType)) {
      expect.soft(s.precision, `${type} precision`).toBeGreaterThanOrEqual(0.97);
      expect.soft(s.recall, `${type} recall`).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('leaves hard negatives clean and little sensitive text visible', () => {
    expect(score.negativesFlagged).toBeLessThan(0.01);
    expect(score.visibleFraction).toBeLessThan(0.02);
  });
});
