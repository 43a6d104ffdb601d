/**
 * Cues that a name-shaped span names a product, not a person: a trademark sign, a version or a
 * series word after it ("Aurora Pro", "Nimbus 2.1", "Vega 15 Max"), a product-category noun after
 * it ("Hugo Boss cologne"), or a table or CSV column that holds products ("Item", "Product").
 * Each cue looks at a few dozen characters after the span or at the span's column header.
 */
import { lineStartWithin } from './bounded-lines.js';
import { nameColumnHeaderAt } from './person-columns.js';
import type { SpanCue } from './organisation-cues.js';

/** ™ ® © right after the name, or "(TM)". */
const TRADEMARK_AFTER = /^(?: ?[™®©℠]| ?\((?:TM|R)\))/u;

/** A version number ("v2", "2.1"; not a date such as 26.05.1955), or a series word (alone or after a number): "Nimbus 2.1", "Aurora Pro", "Vega 15 Max". */
const VERSION_AFTER = /^ +(?:v\d+(?:\.\d+)*|\d{1,2}\.\d{1,2}(?![\p{N}.\/-])|\d{1,4} +(?:Pro|Max|Plus|Ultra|Lite|Mini|Air|SE|XL|Edition)|(?:Pro|Plus|Ultra|Lite|Mini|XL|Edition|Series)(?: +(?:Max|\d{1,4}))?)(?![\p{L}\p{N}])/u;

/** A series word ending the span itself ("⟦Aurora Lite⟧"). */
const SERIES_END = / (?:Pro|Plus|Ultra|Lite|Mini|XL)$/;

/** Lowercase product-category nouns that follow a brand ("Oscar Mayer ham", "Hugo Boss cologne", "a Ford Ranger pickup"). */
const CATEGORY_NOUNS = `cologne perfume fragrance aftershave deodorant shampoo conditioner soap lotion sunscreen toothpaste detergent cosmetics makeup lipstick
  ham bacon sausage sausages hot dogs cereal chocolate chocolates candy cookies crackers chips snacks coffee tea beer lager wine vodka whisky whiskey gin rum
  soda cola juice yogurt cheese ice cream sauce ketchup mustard mayonnaise pasta noodles bread
  shoes sneakers trainers boots sandals jeans jacket jackets coat shirt shirts dress handbag handbags watch watches sunglasses backpack luggage suitcase
  car cars truck trucks pickup suv sedan minivan motorcycle scooter bike bicycle tires tyres
  laptop laptops notebook tablet phone phones smartphone headphones earbuds speaker speakers camera cameras printer router monitor keyboard mouse console
  mattress sofa couch chair chairs desk lamp vacuum blender toaster microwave fridge refrigerator dishwasher
  catalogue catalog store stores outlet outlets franchise franchises restaurant restaurants dealership gift card voucher subscription toys toy`;
const CATEGORY_AFTER = new RegExp(String.raw`^ +(?:${CATEGORY_NOUNS.trim().split(/\s+/).join('|')})(?![\p{L}])`, 'u');

/** Column headers whose cells are products, items or organisations, never people. */
const THING_COLUMN = /^(?:item|items|item name|product|products|product name|article|description|sku|model|make|brand|vendor|supplier|merchant|manufacturer|company|company name|organi[sz]ation|employer|store|retailer)$/;

/**
 * The product cues, in the order they are tried.
 * @example
 * PRODUCT_CUES.find((c) => c.test('Hugo Boss cologne', 0, 9))?.id; // 'product.category_noun'
 */
export const PRODUCT_CUES: readonly SpanCue[] = [
  { id: 'product.trademark', test: (text, _start, end) => TRADEMARK_AFTER.test(text.slice(end, end + 5)) },
  { id: 'product.version', test: (text, start, end) => VERSION_AFTER.test(text.slice(end, end + 24)) || SERIES_END.test(text.slice(start, end)) },
  { id: 'product.category_noun', test: (text, _start, end) => CATEGORY_AFTER.test(text.slice(end, end + 24)) },
  { id: 'product.thing_column', test: (text, start, end) => thingColumn(text, start, end) },
];

/** Whether the span fills a cell of a column headed Item, Product, Brand, Company… (CSV, TSV or a Markdown table). */
function thingColumn(text: string, start: number, end: number): boolean {
  // A delimited column holds the whole cell; a Markdown cell may hold more ("| Amazon ⟦Alexa⟧ |").
  const header = (fillsCell(text, start, end) ? nameColumnHeaderAt(text, start, end) : undefined) ?? markdownHeaderAt(text, start);
  return header !== undefined && THING_COLUMN.test(header.replace(/[*_`]/g, '').trim());
}

/** Cheap exit: a cell value has a delimiter, a line break or the text's edge on both sides (quotes and spaces aside). */
function fillsCell(text: string, start: number, end: number): boolean {
  let b = start - 1;
  while (b >= 0 && b > start - 4 && (text[b] === ' ' || text[b] === '"' || text[b] === "'")) b--;
  let a = end;
  while (a < text.length && a < end + 3 && (text[a] === ' ' || text[a] === '"' || text[a] === "'")) a++;
  return (b < 0 || ',;\t|\n'.includes(text[b]!)) && (a >= text.length || ',;\t|\r\n'.includes(text[a]!));
}

/** The header of the Markdown-table column whose cell starts the span's content, when the span is in a table row. */
function markdownHeaderAt(text: string, start: number): string | undefined {
  const lineStart = lineStartWithin(text, start, 200);
  if (lineStart < 0) return undefined;
  const before = text.slice(lineStart, start);
  if (!/^ *\|/.test(before)) return undefined;
  const column = before.split('|').length - 2;
  // Walk up the table (at most 60 rows) to the row above the |---| separator.
  let lineEnd = lineStart - 1;
  for (let rows = 0; rows < 60 && lineEnd > 0; rows++) {
    const previousStart = lineStartWithin(text, lineEnd, 400);
    if (previousStart < 0) return undefined;
    const line = text.slice(previousStart, lineEnd).replace(/\r$/, '');
    if (!/^ *\|/.test(line)) return undefined;
    if (/^ *\|(?: *:?-{3,}:? *\|)+ *$/.test(line)) {
      if (previousStart === 0) return undefined;
      const headerStart = lineStartWithin(text, previousStart - 1, 400);
      if (headerStart < 0) return undefined;
      const cells = text.slice(headerStart, previousStart - 1).split('|');
      return cells[column + 1]?.trim().toLowerCase();
    }
    lineEnd = previousStart - 1;
  }
  return undefined;
}
