/**
 * Person names for the fourth held-out corpus, by naming tradition, and the ways business text
 * writes them. Pools written for this corpus from general knowledge (no source list copied); they
 * mix very common names with less common ones so that a detector relying on a short frequency
 * list is measured too.
 * @example
 * const p = person(rng);               // {given: 'Chidi', surname: 'Okonkwo', tradition: 'igbo'}
 * personPiece(rng, p, 'last-first');   // secret('PERSON', 'last-first', 'Okonkwo, Chidi')
 */
import { secret } from './marks.mjs';

/** Latin-script traditions: given names and surnames (surnames may carry particles, hyphens, apostrophes). */
export const TRADITIONS = {
  anglo: { given: ['Megan', 'Travis', 'Brooke', 'Dustin', 'Heather', 'Wyatt', 'Kayla', 'Garrett', 'Shelby', 'Colton', 'Lindsey', 'Trent', 'Paige', 'Dwayne', 'Tamsin', 'Rupert'], surnames: ['Whitfield', 'Pruitt', 'Hargrove', 'Caldwell', 'Bramble', 'Ashworth', 'Thornbury', 'McAllister', 'Blackwood', 'Pennington', 'Rutledge', 'Kimball'] },
  irish: { given: ['Siobhan', 'Niamh', 'Cathal', 'Oisin', 'Aoife', 'Padraig'], surnames: ["O'Sullivan", "O'Driscoll", 'MacNamara', "D'Arcy", 'Ní Bhriain', 'Fitzgerald'] },
  hispanic: { given: ['Ximena', 'Joaquín', 'Guadalupe', 'Rodrigo', 'Itzel', 'Mauricio', 'Yesenia', 'Alejandro'], surnames: ['Castañeda', 'Villalobos', 'Ibarra', 'de la Cruz', 'Zamora-Ruiz', 'Quintero', 'del Valle', 'Echeverría'] },
  lusophone: { given: ['Thiago', 'Luana', 'Gonçalo', 'Inês', 'Rafaela', 'Caio'], surnames: ['dos Santos', 'Figueiredo', 'da Costa', 'Magalhães', 'Nogueira', 'Albuquerque'] },
  french: { given: ['Amélie', 'Thibault', 'Solène', 'Gaëtan', 'Marguerite', 'Jean-Luc'], surnames: ['Lefèvre', 'Delacroix', 'de Villiers', 'Marchand', 'Rousseau-Bertin', 'Le Goff'] },
  german: { given: ['Lukas', 'Annika', 'Friedrich', 'Jördis', 'Maximilian', 'Wiebke'], surnames: ['Schäfer', 'von Aschenbach', 'Brandstätter', 'Oberhuber', 'Kühn', 'Wittgenstein'] },
  dutch: { given: ['Sanne', 'Joris', 'Femke', 'Bram', 'Anouk', 'Thijs'], surnames: ['van der Berg', 'de Jong', 'Bakker', 'van Dijk', 'Verhoeven', 'ter Horst'] },
  italian: { given: ['Giulia', 'Lorenzo', 'Chiara', 'Matteo', 'Federica', 'Salvatore'], surnames: ['Bianchi', 'Esposito', 'Di Stefano', 'Lo Bianco', 'Fabbri', "D'Angelo"] },
  polish: { given: ['Katarzyna', 'Wojciech', 'Agnieszka', 'Grzegorz', 'Małgorzata'], surnames: ['Wiśniewski', 'Kowalczyk', 'Zieliński', 'Szymańska', 'Brzęczyszczykiewicz'] },
  nordic: { given: ['Sigrid', 'Leif', 'Astrid', 'Björn', 'Ingrid', 'Henrik'], surnames: ['Lindqvist', 'Haugen', 'Søndergaard', 'Bergström', 'Åkesson', 'Jónsdóttir'] },
  igbo: { given: ['Chidi', 'Ngozi', 'Obinna', 'Chiamaka', 'Emeka', 'Adaeze'], surnames: ['Okonkwo', 'Eze', 'Nwachukwu', 'Okafor', 'Obi', 'Nnamdi'] },
  yoruba_swahili: { given: ['Oluwaseun', 'Folake', 'Tunde', 'Wanjiru', 'Baraka', 'Zawadi'], surnames: ['Adeyemi', 'Ogunleye', 'Balogun', 'Mwangi', 'Otieno', 'Kamau'] },
  arabic: { given: ['Yousef', 'Layla', 'Omar', 'Rania', 'Khalid', 'Noor'], surnames: ['Al-Mansouri', 'Haddad', 'El-Amin', 'Nasser', 'Abu-Zayd', 'Khoury'] },
  turkish_persian: { given: ['Emre', 'Zeynep', 'Mehmet', 'Dariush', 'Shirin', 'Arash'], surnames: ['Yıldırım', 'Öztürk', 'Karimi', 'Tehrani', 'Demirci', 'Hosseini'] },
  south_asian: { given: ['Ananya', 'Vikram', 'Priyanka', 'Siddharth', 'Lakshmi', 'Harpreet', 'Rohan', 'Deepika'], surnames: ['Venkataraman', 'Chatterjee', 'Iyer', 'Gill', 'Raghunathan', 'Banerjee', 'Patil', 'Reddy'] },
  chinese_latin: { given: ['Xiaoming', 'Jiahui', 'Zhiwei', 'Meiling', 'Haoran', 'Yuting'], surnames: ['Zhang', 'Liu', 'Huang', 'Zhou', 'Xu', 'Guo'] },
  vietnamese_korean: { given: ['Thanh', 'Minh', 'Linh', 'Ji-woo', 'Seo-yeon', 'Hyun-jun'], surnames: ['Nguyen', 'Tran', 'Pham', 'Kim', 'Park', 'Choi'] },
  japanese: { given: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Hinata'], surnames: ['Takahashi', 'Watanabe', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Matsumoto'] },
  filipino_hawaiian: { given: ['Maricel', 'Rodel', 'Jocelyn', 'Kalani', 'Leilani'], surnames: ['Dimaculangan', 'Bautista', 'Macapagal', 'Kahananui', 'Akana'] },
  greek_slavic: { given: ['Dimitrios', 'Eleni', 'Anastasia', 'Nikola', 'Dragana', 'Yaroslav'], surnames: ['Papadopoulos', 'Georgiou', 'Petrović', 'Kovalenko', 'Jovanović', 'Stavropoulos'] },
};

/** Native scripts: given and surname written in their own script, and the order they are written in. */
export const NATIVE = {
  zh: { given: ['伟', '秀英', '志强', '丽娜'], surnames: ['王', '李', '陈', '赵'], order: 'family-first', gap: '' },
  ja: { given: ['健太', '美咲', '翔', '陽菜'], surnames: ['佐藤', '鈴木', '高橋', '田中'], order: 'family-first', gap: ' ' },
  ko: { given: ['민준', '서연', '지호', '하은'], surnames: ['김', '이', '박', '최'], order: 'family-first', gap: '' },
  ru: { given: ['Дмитрий', 'Анна', 'Сергей', 'Ольга'], surnames: ['Смирнов', 'Кузнецова', 'Попов', 'Волкова'], order: 'given-first', gap: ' ' },
  ar: { given: ['محمد', 'فاطمة', 'أحمد', 'مريم'], surnames: ['الحسن', 'العتيبي', 'الشمري', 'الخطيب'], order: 'given-first', gap: ' ' },
  hi: { given: ['प्रिया', 'राहुल', 'अंजलि', 'अमित'], surnames: ['शर्मा', 'वर्मा', 'गुप्ता', 'सिंह'], order: 'given-first', gap: ' ' },
  el: { given: ['Γιώργος', 'Μαρία', 'Νίκος'], surnames: ['Παπαδόπουλος', 'Οικονόμου', 'Καραγιάννη'], order: 'given-first', gap: ' ' },
};

export const TITLES = ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.', 'Mx.', 'Mr', 'Ms', 'Dr', 'Sgt.', 'Capt.', 'Rev.', 'Herr', 'Frau', 'Sra.', 'Sr.', 'Mme', 'M.'];
export const REPORTING_VERBS = ['said', 'says', 'noted', 'mentioned', 'confirmed', 'asked', 'replied', 'wrote', 'explained', 'told us', 'reported', 'agreed', 'pointed out'];

const TRADITION_NAMES = Object.keys(TRADITIONS);

/**
 * A person of a random Latin-script tradition; one in five (when no tradition is asked for) has a
 * given name and surname from different traditions ("Chidi Castañeda"), as in mixed families and
 * anglicised given names.
 */
export function person(rng, tradition) {
  if (!tradition && rng.chance(0.2)) {
    return { given: rng.pick(TRADITIONS[rng.pick(TRADITION_NAMES)].given), surname: rng.pick(TRADITIONS[rng.pick(TRADITION_NAMES)].surnames), tradition: 'mixed' };
  }
  const t = TRADITIONS[tradition ?? rng.pick(TRADITION_NAMES)];
  return { given: rng.pick(t.given), surname: rng.pick(t.surnames), tradition: tradition ?? 'single' };
}

/** How a particle surname is written when a form capitalises its first letter ("De la Cruz"). */
const capitalFirst = (s) => s[0].toUpperCase() + s.slice(1);
const hasParticleOrMark = (s) => /[ '\-]/.test(s);

/**
 * The PERSON label for a person written in `form`. Forms: full, given, surname (alone, where the
 * text makes the reference obvious: "Okonkwo said"), surname-field (a last-name column or field), title-surname (label covers the surname only),
 * last-first, caps, caps-last-first, lowercase, initial-surname ("J. Pruitt"), middle-initial,
 * full-particle (full name whose surname has a particle, hyphen or apostrophe), middle-initial
 * ("Travis J. Pruitt"), suffix ("Dwayne Kimball Jr.").
 */
export function personPiece(p, form) {
  const full = `${p.given} ${p.surname}`;
  switch (form) {
    case 'full': return secret('PERSON', hasParticleOrMark(p.surname) ? 'full-particle' : 'full', full);
    case 'given': return secret('PERSON', 'given', p.given);
    case 'surname': return secret('PERSON', 'surname-reported', capitalFirst(p.surname));
    case 'surname-field': return secret('PERSON', 'surname-field', capitalFirst(p.surname));
    case 'title-surname': return secret('PERSON', 'title-surname', capitalFirst(p.surname));
    case 'last-first': return secret('PERSON', 'last-first', `${capitalFirst(p.surname)}, ${p.given}`);
    case 'caps': return secret('PERSON', 'caps', full.toUpperCase());
    case 'caps-last-first': return secret('PERSON', 'caps-last-first', `${p.surname.toUpperCase()}, ${p.given.toUpperCase()}`);
    case 'lowercase': return secret('PERSON', 'lowercase', full.toLowerCase());
    case 'lowercase-given': return secret('PERSON', 'lowercase-given', p.given.toLowerCase());
    case 'middle-initial': return secret('PERSON', 'middle-initial', `${p.given} ${String.fromCharCode(65 + (p.given.length * 7 + p.surname.length) % 26)}. ${p.surname}`);
    case 'suffix': return secret('PERSON', 'suffix', `${p.given} ${p.surname} ${['Jr.', 'Sr.', 'III', 'II'][(p.given.length + p.surname.length) % 4]}`);
    case 'initial-surname': return secret('PERSON', 'initial-surname', `${p.given[0]}. ${capitalFirst(p.surname)}`);
    default: throw new Error(`unknown name form ${form}`);
  }
}

/** "Ms. Tran": the title as plain text, the surname labelled. */
export const titled = (rng, p) => [`${rng.pick(TITLES)} `, personPiece(p, 'title-surname')];

/** A name in its own script, labelled `native:<script>`. */
export function nativePiece(rng, script = rng.pick(Object.keys(NATIVE))) {
  const n = NATIVE[script];
  const g = rng.pick(n.given);
  const s = rng.pick(n.surnames);
  return secret('PERSON', `native:${script}`, n.order === 'family-first' ? `${s}${n.gap}${g}` : `${g}${n.gap}${s}`);
}

/** A name in one of the common written forms, weighted as business text uses them. */
export function anyName(rng, p = person(rng)) {
  const form = rng.weighted([[8, 'full'], [4, 'given'], [2, 'last-first'], [1, 'caps'], [1, 'lowercase'], [1, 'initial-surname'], [1, 'middle-initial'], [1, 'suffix']]);
  return personPiece(p, form);
}
