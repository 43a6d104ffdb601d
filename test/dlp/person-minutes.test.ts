/**
 * PERSON by surname alone in minutes and notes (issue 14, fourth round): a bullet opened by a surname
 * no list holds, or one that is also a place, before a verb only people do ("- Wongsawat argued",
 * "- Ibarra argued"). Negatives: products and firms before the same verbs outside a bullet, and
 * tools before verbs that machines do too.
 */
import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { settingsWith } from './fixtures.js';

const dlp = compileDlp(settingsWith({}));
const people = (text: string) => scanText(dlp, text).filter((m) => m.type === 'PERSON').map((m) => text.slice(m.start, m.end));

describe('PERSON: a surname opening a bullet of minutes', () => {
  it.each([
    ['We went through the incident in Jenkins 5.2.18.\n- Wongsawat said the contract with Kellogg was renewed.', 'Wongsawat'],
    ['## Notes\n- Srisuk argued the contract with Blue Cross should wait.', 'Srisuk'],
    ['## Notes\n- Ibarra argued the contract with Gold Coast Ltd. was too short.', 'Ibarra'],
    ['Minutes\n* Tuilagi thinks the rollout can go ahead.', 'Tuilagi'],
  ])('%j', (text, expected) => {
    expect(people(text)).toContain(expected);
  });

  it.each([
    'Lockheed says the pressure will not affect the contract.',
    '## Notes\n- Terraform flagged the drift in staging.',
    '## Notes\n- Grafana raised an alert at 03:00.',
    'The rollout\n- Kubernetes restarted the pod twice.',
  ])('%j has no person', (text) => {
    expect(people(text)).toEqual([]);
  });
});
