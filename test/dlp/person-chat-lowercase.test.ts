/**
 * PERSON in lowercase chat (issue 14, fourth round): a speaker opening the transcript's first line,
 * a given name after an interjection ("omg leilani got…"), a name no list holds after a greeting or
 * an introduction ("hi i'm jianhua") or as a dash signature ("— wiremu"). Negatives: chat words,
 * inflected ordinary words, YAML and Kubernetes "name:" values, hyphenated service names.
 */
import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { settingsWith } from './fixtures.js';

const dlp = compileDlp(settingsWith({}));
const people = (text: string) => scanText(dlp, text).filter((m) => m.type === 'PERSON').map((m) => text.slice(m.start, m.end));

describe('PERSON in lowercase chat', () => {
  it.each([
    ['tariq: yo got a new number\ntariq: +1 605 555 0101', 'tariq'],
    ['élodie: omg leilani got a new number', 'leilani'],
    ['femke: yo ingrid got a new number', 'ingrid'],
    ["Who am I speaking with?\nVisitor: hi i'm jianhua\nAgent: Thanks!", 'jianhua'],
    ['burak: hey giorgos got a new number', 'giorgos'],
    ['Escalating to billing. — wiremu\n', 'wiremu'],
    ['Waiting on customer. — dong-hyun\n', 'dong-hyun'],
  ])('%j', (text, expected) => {
    expect(people(text)).toContain(expected);
  });

  it.each([
    "hey yall\nhi i'm gonna be late",
    "hi lmao\nthanks guys",
    'supports its songwriters, composers and publishers',
    "hi i'm booked\nhey trending now",
    'metadata:\n  name: billing-env\n  uid: 37c3794f',
    'service:\n  name: notifier\n  settings:',
    'Merged. — lgtm\n',
    'yo dude got it',
  ])('%j has no person', (text) => {
    expect(people(text)).toEqual([]);
  });
});
