/**
 * Business mail in German, Spanish, French, Portuguese and Dutch, and English mail that quotes it:
 * names, birth dates ("geboren am", "nacido el", "née le", "nascido em", "geboren op"), phones in
 * the writer's national layout, and ordinary dates with their own words around them.
 */
import { email, iban } from '../ids.mjs';
import { person, writeName } from '../names.mjs';
import { formatDate, birthDate, recentDate } from '../dates.mjs';
import { intlPhone } from '../phones.mjs';
import { writeNegative } from '../negatives.mjs';

/** Per language: [country for phones, greeting, born-on words, date formats, phrases]. */
const LANGS = {
  de: { country: 'DE', hello: 'Sehr geehrte Frau ', born: ['geboren am ', 'Geburtsdatum: ', 'geb. '], formats: ['eu-dots', 'de-long'], ask: 'anbei die Unterlagen für ', call: 'Bitte rufen Sie mich unter ', callEnd: ' zurück.', date: 'Der Termin am ', dateEnd: ' bleibt bestehen.', bye: 'Mit freundlichen Grüßen\n' },
  es: { country: 'ES', hello: 'Estimado ', born: ['nacido el ', 'fecha de nacimiento: ', 'F. nac.: '], formats: ['es-long', 'eu-slash'], ask: 'le envío los datos de ', call: 'Puede llamarme al ', callEnd: '.', date: 'La factura del ', dateEnd: ' ya está pagada.', bye: 'Un saludo,\n' },
  fr: { country: 'FR', hello: 'Bonjour ', born: ['née le ', 'né le ', 'date de naissance : '], formats: ['fr-long', 'eu-slash'], ask: 'voici le dossier de ', call: 'Vous pouvez me joindre au ', callEnd: '.', date: 'La réunion du ', dateEnd: ' est annulée.', bye: 'Cordialement,\n' },
  pt: { country: 'BR', hello: 'Olá ', born: ['nascido em ', 'data de nascimento: ', 'nasc. '], formats: ['eu-slash', 'iso'], ask: 'segue o cadastro de ', call: 'Meu celular é ', callEnd: '.', date: 'O pagamento de ', dateEnd: ' foi confirmado.', bye: 'Abraços,\n' },
  nl: { country: 'NL', hello: 'Beste ', born: ['geboren op ', 'geboortedatum: '], formats: ['eu-dots', 'eu-slash'], ask: 'hierbij de gegevens van ', call: 'Bel me gerust op ', callEnd: '.', date: 'De levering van ', dateEnd: ' is vertraagd.', bye: 'Met vriendelijke groet,\n' },
};

export function multilingualMail(rng, b) {
  const lang = rng.pick(Object.keys(LANGS));
  const L = LANGS[lang];
  const writer = person(rng), reader = person(rng), subject = person(rng);
  if (rng.chance(0.4)) b.text('FYI — see below, can someone translate? Thanks\n\n---------- Forwarded message ---------\n');
  b.text('From: ');
  writeName(b, rng, writer, 'full');
  b.text(' <').pii('EMAIL', email(rng, writer).value, 'header').text('>\n\n');
  b.text(L.hello);
  // "Frau" is the title: the surname follows it alone; the other greetings take a given name.
  if (lang === 'de') b.pii('PERSON', reader.surname, 'title-surname');
  else writeName(b, rng, reader, 'given');
  b.text(',\n\n').text(L.ask);
  writeName(b, rng, subject, rng.pick(['full', 'full', 'last-first']));
  const v = formatDate(rng, birthDate(rng), rng.pick(L.formats));
  b.text(` (${rng.pick(L.born)}`).pii('DATE_OF_BIRTH', v.value, v.form).text(').\n');
  if (rng.chance(0.5)) b.text('IBAN: ').pii('IBAN', iban(rng).value, 'multilingual').text('\n');
  const d = formatDate(rng, recentDate(rng), rng.pick(L.formats));
  b.text(L.date).neg('ordinary_date', d.value).text(L.dateEnd).text(' Ref. ').put((x) => writeNegative(x, rng, 'invoice_number')).text('\n');
  const ph = intlPhone(rng, L.country);
  b.text(L.call).pii('PHONE', ph.value, ph.form).text(`${L.callEnd}\n\n${L.bye}`);
  writeName(b, rng, writer, rng.pick(['given', 'full']));
  b.text('\n').put((x) => writeNegative(x, rng, 'company_name')).text('\n');
  return b;
}
