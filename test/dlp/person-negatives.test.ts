/**
 * PERSON false positives (issue 14): names inside street addresses, products with a version or
 * model number, possessive brands, fields and phrases that take a company, the company line of an
 * addressee block, and "City, Region" pairs. Each class comes with a person of the same shape, so
 * a check that simply stopped finding names would fail here too.
 */
import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { namedAsNonPerson } from '../../worker/dlp/detectors/person-surroundings.js';
import { settingsWith } from './fixtures.js';

const dlp = compileDlp(settingsWith({}));
const people = (text: string) => scanText(dlp, text).filter((m) => m.type === 'PERSON').map((m) => text.slice(m.start, m.end));

describe('PERSON leaves streets, products and organisations alone', () => {
  it.each([
    // A street in an address line: a house number before, a street word before or in the first token.
    ['Ship to:\n18 Rue Lafontaine, Lyon 69002\nFrance', 'Lafontaine'],
    ['Deliver to 2207 Calle Hidalgo, Oaxaca 68000 before noon.', 'Hidalgo'],
    ['Office: 77 Avenida Bolivar, Caracas', 'Bolivar'],
    ['Sede: 14 via Garibaldi, Torino', 'Garibaldi'],
    ['Lieferadresse: 31 Goethestraße, Thomas Weber GmbH', 'Goethestraße'],
    ['Address: 12 Victoria Gardens, Leeds LS6 1AB', 'Victoria'],
    // A product with a version or model number after its name.
    ['We are upgrading the build farm to Jenkins 2.426.1 this week.', 'Jenkins'],
    ['The fleet now includes a Tesla Model 3 and two vans.', 'Tesla'],
    ['Crash reports started after the update to Ruby v3.3.', 'Ruby'],
    // A possessive with nothing possessed is a brand.
    ['Employer: Dunkin\' Donuts; previously Denny\'s\nStart date: 2019', "Denny"],
    ['Lunch was catered by Arby\'s, as usual.', 'Arby'],
    // Fields and phrases whose value is a company.
    ['Employer: Wells Fargo\nPosition: analyst', 'Wells Fargo'],
    ['Insurance: Hartford Mutual member ID 55120', 'Hartford'],
    ['Our contract with Dow Jones ends in March.', 'Dow Jones'],
    ['Please close the Charles Schwab account before Friday.', 'Charles Schwab'],
    // The company line of an addressee block.
    ['Bill to: Amara Okafor\nJohnson Brothers\n14 Elm Street, Dayton OH 45402', 'Johnson Brothers'],
    // A country, state or city after the comma of "Last, First".
    ['The conference moved to Hamilton, Ontario in 2019.', 'Hamilton'],
    ['She grew up in Lafayette, Indiana, near the river.', 'Lafayette'],
    ['Our offsite is in San Mateo, California this spring.', 'Mateo'],
    ['He flew from Perth, Australia to Calgary, Alberta last week.', 'Alberta'],
    ["Belgium's new rules apply from March.", 'Belgium'],
    // A word that begins place names right before the span.
    ['He played for the St. Louis Hawks in 1958.', 'Louis'],
    ['The team drove up to Fort Collins for the offsite.', 'Collins'],
  ])('%j: no PERSON on %s', (text, word) => {
    expect(people(text).some((p) => p.includes(word))).toBe(false);
  });
});

describe('PERSON still finds people of the same shapes', () => {
  it.each([
    // Titles and honorifics around street-like or brand-like names.
    // The generational suffix belongs to the name (worker/dlp/person-spans.ts).
    ['Dr. Martin Luther King Jr. spoke in Memphis that night.', 'Martin Luther King Jr.'],
    ['Ms. Harbor will call you back tomorrow.', 'Harbor'],
    ['Mr. Lafayette signed the lease on Monday.', 'Lafayette'],
    ['Mr. Collins drove up for the offsite.', 'Collins'],
    // A person's possessive followed by what is theirs.
    ["We found Priya's badge in the lobby.", 'Priya'],
    ["Victoria's laptop was returned to IT on Friday.", 'Victoria'],
    // A person named in a field, also with a street-shaped line below.
    ['Bill to: Amara Okafor\n14 Elm Street, Dayton OH 45402', 'Amara Okafor'],
    ['Contact: Chidi Okonkwo\nPhone: 555-0100', 'Chidi Okonkwo'],
    // "Last, First" with a given name after the comma, including one that is also a place.
    ['Attendees: Castillo, Chidi; Lindqvist, Astrid', 'Castillo, Chidi'],
    ['The form was countersigned by Okafor, Victoria yesterday.', 'Okafor, Victoria'],
    // A quoted "Last, First" cell at the start of a CSV row.
    ['name;dob\n"Ferreira, Giorgos";01/03/1987', 'Ferreira, Giorgos'],
    // A street prefix word in lowercase that is a preposition here.
    ['The draft went out via Maria Gonzalez this morning.', 'Maria Gonzalez'],
    // A version-like number that is not after the name.
    ['Maria Gonzalez opened ticket 4.2 yesterday.', 'Maria Gonzalez'],
  ])('%j: PERSON %s', (text, name) => {
    expect(people(text)).toContain(name);
  });
});

describe('namedAsNonPerson', () => {
  it('reads streets, products and company fields from a few characters around the span', () => {
    const street = '804 Calle Morelos, Nairobi';
    expect(namedAsNonPerson(street, 4, 17, () => false)).toBe(true);
    const product = 'the rollout of Hugo v3.14.4';
    expect(namedAsNonPerson(product, 15, 19, () => false)).toBe(true);
    const employer = 'Employer: Morgan Stanley since 2015';
    expect(namedAsNonPerson(employer, 10, 24, () => false)).toBe(true);
  });

  it('keeps a person after a title, and a street cue does not override a title', () => {
    const titled = 'Dr. Martin Luther King Jr. spoke';
    expect(namedAsNonPerson(titled, 4, 22, () => true)).toBe(false);
    const housed = 'Mr. Okafor lives at 12 Main St';
    expect(namedAsNonPerson(housed, 4, 10, () => true)).toBe(false);
    expect(namedAsNonPerson('Maria Gonzalez said hello', 0, 14, () => false)).toBe(false);
  });
});
