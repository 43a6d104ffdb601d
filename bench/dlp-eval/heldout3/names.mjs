/**
 * Person names of many traditions, written for this corpus from general knowledge (no list was
 * copied), and the ways business text writes them. Each tradition keeps its own given names and
 * surnames, so a generated name is plausible as a whole (no "Wei Okonkwo-Schmidt").
 * @example
 * const p = person(rng); // {given: 'Chidinma', surname: 'Okafor', tradition: 'igbo'}
 * writeName(b, rng, p, 'last-first'); // appends "Okafor, Chidinma" labelled PERSON, form last-first
 */
const T = (given, surnames) => ({ given: given.split(' '), surnames: surnames.split(' ') });

/** Latin-script traditions: given names and surnames ("_" joins multi-word surnames). */
export const TRADITIONS = {
  anglo: T('Megan Tyler Brooke Dwayne Shirley Garrett Courtney Howard Lorraine Travis Bethany Clifford Noreen Wesley', 'Whitfield Pruitt Haskins Mayberry Caldwell Dunmore Kettering Ashby Holloway Pendleton Birch Lindqvist Stroud Fairbanks'),
  irish: T('Siobhan Ciaran Aoife Padraig Niamh Eoin Grainne Declan Saoirse Tadhg', "O'Donoghue McNamara O'Sullivan Kavanagh Ní_Bhriain Fitzgerald McGrath O'Loughlin Daly Breathnach"),
  hispanic: T('Xiomara Rodrigo Guadalupe Itzel Joaquín Mercedes Fernando Yesenia Rubén Ximena Leticia Alejandro', 'Quintanilla Barragán de_la_Cruz Villaseñor Ochoa Echeverría Zúñiga Santamaría del_Toro Arellano Cárdenas Ibarra'),
  brazilian: T('Thiago Luana Gustavo Raquel Caio Fernanda Anderson Jéssica Wellington Patrícia', 'Gonçalves dos_Santos Figueiredo Albuquerque Nascimento Bezerra da_Silva Cavalcanti Magalhães Teixeira'),
  french: T('Amélie Baptiste Ségolène Mathéo Clémence Loïc Anne-Laure Jean-Baptiste Solène Aurélien', 'Lefebvre Dubois-Martin Rousseau Chevalier Beaumont Giraud Lemaire Fontaine Mercier Delacroix'),
  german: T('Jürgen Annika Wolfgang Friederike Matthias Svenja Dieter Ulrike Henrik Ines', 'Schröder Köhler Hoffmann Weißmann von_Hartmann Brandt Kessler Zimmermann Großkopf Vogt'),
  dutch: T('Sanne Joost Femke Maarten Lieke Bram Anouk Gijs', 'van_der_Meulen de_Vries Bakker van_Dijk Visser Smit de_Jong van_den_Berg'),
  italian: T('Giuseppe Chiara Lorenzo Federica Alessandro Martina Salvatore Gianluca Ilaria', 'Esposito Ricci Bianchi Colombo De_Luca Marchetti Ferraro Santoro Lombardi'),
  polish: T('Agnieszka Krzysztof Małgorzata Wojciech Katarzyna Paweł Grzegorz Dorota', 'Wiśniewski Kowalczyk Zieliński Wójcik Lewandowska Kamiński Szymańska Dąbrowski'),
  russian: T('Dmitri Ekaterina Sergei Anastasia Mikhail Olga Vladimir Tatiana Yuri', 'Ivanov Smirnova Kuznetsov Popova Sokolov Lebedeva Volkov Morozova'),
  turkish: T('Emre Zeynep Burak Elif Mehmet Ayşe Oğuz Gülşen', 'Yılmaz Öztürk Demir Çelik Şahin Aydın Arslan Doğan'),
  arabic: T('Abdullah Fatima Khalid Noura Youssef Mariam Tariq Layla Hamza', 'Al-Harbi El-Sayed bin_Rashid Haddad Al-Mansouri Nasser Khoury Abu_Bakr Qureshi'),
  persian: T('Arash Shirin Dariush Niloufar Kaveh Parisa Babak', 'Mohammadi Hosseini Tehrani Rahimi Karimi Jafari Ahmadi'),
  indian: T('Priyanka Venkatesh Ananya Siddharth Lakshmi Rajesh Deepika Arjun Kavitha Sandeep', 'Venkataraman Chatterjee Iyer Deshpande Reddy Bhattacharya Nair Subramanian Kulkarni Gupta'),
  chinese: T('Wei Xiaoling Jianhua Meiling Zhiwei Yufei Haoran Xinyi', 'Zhang Liu Chen Huang Zhou Wu Xu Guo'),
  japanese: T('Haruto Yui Takeshi Sakura Kenji Aoi Ryota Misaki', 'Tanaka Watanabe Yamamoto Nakamura Kobayashi Yoshida Matsumoto Inoue'),
  korean: T('Minjun Seoyeon Jihoon Hayoon Dohyun Jiwoo', 'Kim Park Choi Jung Kang Yoon'),
  vietnamese: T('Thanh Huong Minh Linh Quang Ngoc Tuan', 'Nguyen Tran Le Pham Hoang Vu Dang'),
  filipino: T('Maricel Jericho Rowena Danilo Jovelyn Ramil', 'Dela_Cruz Bautista Villanueva Manalo Mercado Santos'),
  yoruba: T('Oluwaseun Adebayo Folasade Olumide Temitope Babatunde', 'Adeyemi Ogunleye Akinola Oyelaran Adewale Balogun'),
  igbo: T('Chidinma Chukwuemeka Ngozi Obinna Adaeze Ikechukwu', 'Okonkwo Okafor Nwosu Eze Obi Nnamdi'),
  east_african: T('Wanjiru Kipchoge Achieng Otieno Nyambura Baraka', 'Mwangi Kamau Odhiambo Kariuki Wafula Njoroge'),
  greek: T('Dimitrios Eleni Konstantinos Vasiliki Georgios Anastasia', 'Papadopoulos Georgiou Konstantinidis Nikolaidou Antonopoulos Christodoulou'),
  nordic: T('Sigrid Henrik Astrid Leif Ingrid Søren Maja Bjørn', 'Johansson Lindgren Halvorsen Mikkelsen Nyström Sørensen Bergqvist'),
  hungarian: T('Zsófia Levente Ágnes Gergely Réka Bence', 'Nagy Kovács Szabó Tóth Horváth Varga'),
  hebrew: T('Yael Avraham Noa Itai Tamar Eitan', 'Ben-David Shapiro Friedman Mizrahi Peretz Katz'),
};

/** Names in their own scripts: [given, surname, order]; 'family-first' traditions write surname first. */
export const NATIVE = {
  zh: { given: ['伟', '秀英', '建国', '丽娜', '志强'], surnames: ['王', '李', '张', '刘', '陈'], familyFirst: true, joiner: '' },
  ja: { given: ['花子', '健太', '美咲', '翔太'], surnames: ['佐藤', '鈴木', '高橋', '田中'], familyFirst: true, joiner: ' ' },
  ko: { given: ['민준', '서연', '지훈', '하윤'], surnames: ['김', '이', '박', '최'], familyFirst: true, joiner: '' },
  ru: { given: ['Иван', 'Наталья', 'Алексей', 'Ольга'], surnames: ['Петров', 'Соколова', 'Кузнецов', 'Волкова'], familyFirst: false, joiner: ' ' },
  ar: { given: ['محمد', 'فاطمة', 'أحمد', 'ليلى'], surnames: ['العلي', 'الحربي', 'حداد', 'الخطيب'], familyFirst: false, joiner: ' ' },
  el: { given: ['Γιώργος', 'Μαρία', 'Νίκος', 'Ελένη'], surnames: ['Παπαδόπουλος', 'Γεωργίου', 'Νικολάου'], familyFirst: false, joiner: ' ' },
  hi: { given: ['राहुल', 'प्रिया', 'अमित', 'सुनीता'], surnames: ['शर्मा', 'वर्मा', 'गुप्ता', 'सिंह'], familyFirst: false, joiner: ' ' },
};

const TITLES = ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.', 'Mx.', 'Herr', 'Frau', 'Sra.', 'Sr.', 'Mme', 'M.', 'Dr', 'Ms'];

export function person(rng) {
  const tradition = rng.pick(Object.keys(TRADITIONS));
  const t = TRADITIONS[tradition];
  return { given: rng.pick(t.given), surname: rng.pick(t.surnames).replace(/_/g, ' '), tradition };
}

const caps = (s) => s.toLocaleUpperCase('en');

/**
 * Appends one person's name in the given form, labelled PERSON. Titles stay outside the label.
 * Forms: full, full-middle, initial-surname, given, lowercase, handle (after @), title-surname, reported,
 * last-first, caps, caps-last-first, native:<script>.
 */
export function writeName(b, rng, p, form) {
  switch (form) {
    case 'full': return b.pii('PERSON', `${p.given} ${p.surname}`, nameForm(p, 'full'));
    case 'full-middle': return b.pii('PERSON', `${p.given} ${rng.pick('ABCDEGJKLMRST')}. ${p.surname}`, 'full-middle');
    case 'initial-surname': return b.pii('PERSON', `${p.given[0]}. ${p.surname}`, 'initial-surname');
    case 'given': return b.pii('PERSON', p.given, 'given');
    case 'lowercase': return b.pii('PERSON', rng.chance(0.5) ? p.given.toLowerCase() : `${p.given} ${p.surname}`.toLowerCase(), 'lowercase');
    case 'handle': return b.pii('PERSON', rng.chance(0.5) ? p.given.toLowerCase() : `${p.given}.${p.surname.replace(/ /g, '')}`.toLowerCase(), 'handle');
    case 'title-surname': return b.text(`${rng.pick(TITLES)} `).pii('PERSON', p.surname, 'title-surname');
    case 'reported': return b.pii('PERSON', p.surname, 'surname-reported');
    case 'last-first': return b.pii('PERSON', `${p.surname}, ${p.given}`, 'last-first');
    case 'caps': return b.pii('PERSON', caps(`${p.given} ${p.surname}`), 'caps');
    case 'caps-last-first': return b.pii('PERSON', caps(`${p.surname}, ${p.given}`), 'caps');
    default: {
      const script = form.slice('native:'.length);
      const n = NATIVE[script];
      const given = rng.pick(n.given);
      const surname = rng.pick(n.surnames);
      return b.pii('PERSON', n.familyFirst ? `${surname}${n.joiner}${given}` : `${given}${n.joiner}${surname}`, form);
    }
  }
}

/** Full names with a particle or hyphen are counted apart: they are the classic misses. */
function nameForm(p, form) {
  if (/^(?:de|del|da|dos|van|von|bin|Ní|Abu)\b/.test(p.surname) || / /.test(p.surname)) return 'full-particle';
  if (/-/.test(p.given + p.surname)) return 'full-hyphenated';
  return form;
}

/** A native-script form at random. */
export const nativeForm = (rng) => `native:${rng.pick(Object.keys(NATIVE))}`;

/** Appends "Given Surname" for a fresh person and returns the person (the common case). */
export function writeFull(b, rng, form = 'full') {
  const p = person(rng);
  writeName(b, rng, p, form);
  return p;
}
