/**
 * PERSON across one text (issue 14, fourth round): the neighbours of a found full name in a list of
 * three or more, and the given name or surname of a found full name used alone later in the same
 * text (coreference). Negatives of the same shape: bands, firms and places in the same lists, a
 * surname that the text also uses for a firm or a place, two-item "Name, Organisation" lines.
 */
import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { samePersonMentions } from '../../worker/dlp/detectors/person-coreference.js';
import { listedPersons } from '../../worker/dlp/detectors/person-lists.js';
import { settingsWith } from './fixtures.js';

const dlp = compileDlp(settingsWith({}));
const people = (text: string) => scanText(dlp, text).filter((m) => m.type === 'PERSON').map((m) => text.slice(m.start, m.end));

describe('PERSON: the same person named again in one text', () => {
  it.each([
    ['Karl Hauser was charged on Monday. Pending an investigation, Hauser was put under arrest.', 'Hauser'],
    ['Nadia Okonkwo-Baptiste joined in May. Since then Nadia has led the billing team.', 'Nadia'],
    ['The report by Tomasz Wieczorek was filed late; later that week Wieczorek resigned.', 'Wieczorek'],
    // A title before the surname stays outside the span.
    ['The army was led by Joaquín Pezuela. In October General Pezuela accepted the post.', 'Pezuela'],
  ])('%j', (text, expected) => {
    expect(people(text)).toContain(expected);
  });

  it('finds the full name written again where it was missed', () => {
    const text = 'Wang Shichong asked Dou Jiande for help. However, Dou Jiande delayed.';
    const found = people(text);
    expect(found.filter((p) => p === 'Dou Jiande').length).toBe(found.includes('Dou Jiande') ? 2 : 0);
  });

  it.each([
    // The surname also names a firm, a product or a place in the same text: never searched for alone.
    ['Luiz Caloi founded the firm in 1898. In 1972, Caloi introduced the Caloi 10 bicycle.', 'Caloi'],
    ['Eberhard Faber moved to New York. The Faber company made pencils; Faber sold well.', 'Faber'],
    ['Ellen Bridgton wrote the history. Trains ran to the town of Bridgton, and Bridgton grew.', 'Bridgton'],
    // The full name itself used as a place ("the nature park X"): none of its tokens is searched for.
    ['It lies near the nature park Karl Hauser. Hauser offers rich hunting grounds.', 'Hauser'],
    // Part of a longer proper noun, or an ordinary word opening a sentence.
    ['Sarah Stone called. The Hauser Industries plant and Stone Age tools were discussed.', 'Stone'],
    ['Ben Player won the title. Player of the year went to someone else.', 'Player'],
  ])('%j does not flag the token alone', (text, token) => {
    expect(people(text)).not.toContain(token);
  });

  it('adds nothing when no full name was found', () => {
    expect(samePersonMentions('Hauser was arrested. Hauser Industries denied it.', [])).toEqual([]);
  });

  it('reads each token once per text (a token is searched for with indexOf, not per mention)', () => {
    const text = `Karl Hauser spoke. ${'Hauser nodded. '.repeat(2000)}`;
    const mentions = samePersonMentions(text, [{ start: 0, end: 11, score: 0.9 }]).filter((m) => m.start >= 11);
    expect(mentions.length).toBe(2000);
    expect(mentions.every((m) => text.slice(m.start, m.end) === 'Hauser')).toBe(true);
  });
});

describe('PERSON: lists of people', () => {
  it.each([
    ['Artists such as Justin Timberlake, Gwen Stefani, Linkin Park and Avenged Sevenfold played.', 'Gwen Stefani'],
    ['Hosts were David Christison & Lee Tate, Howard Sattler, Jenny Seaton & Gary Carvolth.', 'Gary Carvolth'],
    ['They included Karol Baliński, Teofil Lenartowicz, Franciszek Mickiewicz and Eweryst Estkowski.', 'Franciszek Mickiewicz'],
  ])('%j', (text, expected) => {
    expect(people(text)).toContain(expected);
  });

  it.each([
    ['Artists such as Justin Timberlake, Gwen Stefani, Linkin Park and Avenged Sevenfold played.', 'Linkin Park'],
    ['Sponsors: Maria Gonzalez, Morgan Stanley, Merrill Lynch and Harbor Dental Group.', 'Harbor Dental Group'],
    ['Stops: Chidi Okonkwo, Santa Monica, Costa Rica and Grant Park.', 'Santa Monica'],
    ['Stops: Chidi Okonkwo, Santa Monica, Costa Rica and Riverside Plaza.', 'Riverside Plaza'],
  ])('%j leaves %j out', (text, notPerson) => {
    expect(people(text)).not.toContain(notPerson);
  });

  it('takes no second item of a two-item line ("Name, Organisation")', () => {
    const text = 'Bill to: Anurak Chaiyaporn, Siemens Healthineers\n644 Rue Lafayette';
    expect(listedPersons(text, [{ start: 9, end: 26 }])).toEqual([]);
  });
});
