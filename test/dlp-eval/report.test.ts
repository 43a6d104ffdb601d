/**
 * recallByForm (bench/dlp-eval/report.mjs) counts a gold span as found by the scorer's own rule
 * and groups phone forms by their first part and native-script names into one row.
 */
import { describe, expect, it } from 'vitest';
import { recallByForm } from '../../bench/dlp-eval/report.mjs';

describe('dlp-eval recall by form', () => {
  it('groups spans by type and form and applies the half-coverage rule', () => {
    const docs = [
      { id: 'a', text: 'Ms. Tran called +44 20 7946 0000', spans: [{ start: 4, end: 8, type: 'PERSON', form: 'titled' }, { start: 16, end: 32, type: 'PHONE', form: 'international:GB' }] },
      { id: 'b', text: '王伟 and 415.555.0199', spans: [{ start: 0, end: 2, type: 'PERSON', form: 'native:full' }, { start: 7, end: 19, type: 'PHONE', form: 'international:US' }] },
    ];
    const predictions: Record<string, Array<{ start: number; end: number; type: string }>> = {
      a: [{ start: 4, end: 8, type: 'PERSON' }, { start: 16, end: 22, type: 'PHONE' }],
      b: [{ start: 0, end: 2, type: 'PERSON' }, { start: 7, end: 19, type: 'PHONE' }],
    };
    const { rows, text } = recallByForm(docs, (d) => predictions[d.id]!);
    const row = (type: string, form: string) => rows.find((r) => r.type === type && r.form === form);
    expect(row('PERSON', 'titled')).toMatchObject({ gold: 1, found: 1 });
    expect(row('PERSON', 'native script')).toMatchObject({ gold: 1, found: 1 });
    expect(row('PHONE', 'international')).toMatchObject({ gold: 2, found: 1, recall: 0.5 });
    expect(text).toContain('written as');
  });
});
