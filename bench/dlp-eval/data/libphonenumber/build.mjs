// Builds public-phones.jsonl from libphonenumber's published example numbers (the mobile example of
// every region, as shipped in the npm package libphonenumber-js, MIT; the numbers come from
// Google's libphonenumber metadata, Apache-2.0). Each region's number is written in its
// international and its national format, inside a short line of ordinary text.
//   node bench/dlp-eval/data/libphonenumber/build.mjs
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import parsePhoneNumber from 'libphonenumber-js/max';

const require = createRequire(import.meta.url);
const examples = require('libphonenumber-js/examples.mobile.json');

// Only the numbers are the source's; these carrier lines are ours and carry no other entity.
const frames = [
  ['Mobile: ', ''],
  ['Please call me back on ', ' after 3pm.'],
  ['tel. ', ' (ask for the front desk)'],
  ['WhatsApp ', ''],
];
const out = [];
let i = 0;
for (const [region, national] of Object.entries(examples).sort(([a], [b]) => a.localeCompare(b))) {
  const parsed = parsePhoneNumber(national, region);
  if (!parsed) continue;
  for (const [format, value] of [['international', parsed.formatInternational()], ['national', parsed.formatNational()]]) {
    // A national number of 5 or 6 digits is an extension or short code as text: no one could tell it is a phone.
    if (value.replace(/\D/g, '').length < 7) continue;
    const [before, after] = frames[i % frames.length];
    out.push({
      id: `libphonenumber/${region}/${format}`,
      text: before + value + after,
      spans: [{ start: before.length, end: before.length + value.length, type: 'PHONE' }],
      scope: ['PHONE'],
      source: 'libphonenumber-js@1.13.16:examples.mobile.json',
    });
    i++;
  }
}
writeFileSync(join(import.meta.dirname, '..', 'public-phones.jsonl'), out.map((r) => JSON.stringify(r)).join('\n') + '\n');
console.error(`${out.length} records`);
