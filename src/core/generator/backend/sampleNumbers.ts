// Example numbers (the n-th row) from what a field means: a rating is 3-5 stars, an age an adult's,
// a cooking time 20-90 minutes, a price a few tens. Always within the column's min and max, and
// never negative unless the spec's limits say so.
import type { Column } from './model';
import { singularWords } from './sampleWording';

/** Words of a number field, first match wins (prices before counts: "unitPrice" is a price). */
const NUMBER_MEANINGS: Array<[words: string[], values: number[]]> = [
  [['hourly', 'daily', 'nightly', 'weekly'], [12.5, 24, 8.75, 45, 19.9]],
  [['rating', 'star', 'score', 'grade', 'stars'], [4, 5, 3, 4, 5]],
  [['age'], [34, 27, 45, 52, 19]],
  [['year'], [2021, 2018, 2024, 2015, 2022]],
  [['salary', 'wage', 'income'], [42000, 51000, 38500, 60000, 47000]],
  [['budget', 'revenue', 'turnover'], [5000, 12000, 2500, 8000, 15000]],
  [['price', 'cost', 'fee', 'amount', 'total', 'charge', 'deposit', 'subtotal', 'payment', 'tip', 'tax'], [12.5, 24, 8.75, 45, 19.9]],
  [['percent', 'percentage', 'discount', 'rate'], [10, 15, 5, 20, 25]],
  [['minute', 'duration', 'time'], [30, 45, 20, 60, 90]],
  [['hour'], [2, 1, 3, 4, 8]],
  [['capacity', 'seat', 'slot', 'spot', 'maximum', 'max', 'limit'], [20, 30, 12, 25, 40]],
  [['distance', 'km', 'kilometre', 'kilometer', 'mile', 'mileage'], [12.5, 48, 7.2, 130, 26.4]],
  [['fuel', 'litre', 'liter', 'gallon', 'volume'], [4.2, 6.8, 3.1, 9.5, 5.4]],
  [['weight', 'kg', 'kilogram', 'gram'], [2.5, 0.8, 12, 4.3, 1.6]],
  [['height', 'width', 'length', 'depth', 'size', 'cm'], [30, 45, 120, 80, 60]],
  [['floor', 'storey'], [1, 2, 3, 0, 4]],
  [['priority'], [2, 1, 3, 2, 1]],
  [['quantity', 'qty', 'count', 'copy', 'serving', 'portion', 'stock', 'item', 'piece', 'unit', 'guest', 'people', 'participant', 'seat'], [2, 3, 4, 1, 6]],
];

/** Money whose words say nothing more is priced like a price. */
const PRICES = NUMBER_MEANINGS.find(([words]) => words.includes('price'))![1];
/** The meanings money can have (a money "rate" is a price, not a percentage). */
const MONEY_MEANINGS = new Set(['hourly', 'salary', 'budget', 'price']);

function clamp(value: number, column: Column): number {
  let v = value;
  if (column.min !== undefined && v < column.min) v = column.min;
  if (column.max !== undefined && v > column.max) v = column.max;
  return v;
}

/** The meaning's value for row n, or undefined when the field's words mean nothing known. */
function meaningValue(column: Column, n: number): number | undefined {
  const words = [...singularWords(column.prop), ...singularWords(column.field?.label ?? '')];
  const meaning = NUMBER_MEANINGS.find(([meaningWords]) => meaningWords.some((word) => words.includes(word)));
  const values = meaning && (column.type !== 'money' || MONEY_MEANINGS.has(meaning[0][0])) ? meaning[1] : column.type === 'money' ? PRICES : undefined;
  return values?.[(n - 1) % values.length];
}

/**
 * An example number for row n. A unique column counts up from its minimum; a column that sizes a
 * capacity rule gets room (`roomy`) so ordinary rows never reach the limit.
 */
export function numberSample(column: Column, n: number, roomy: boolean): number | string {
  const integer = column.type === 'integer';
  let value: number;
  if (integer && column.unique) value = (column.min ?? 0) + n;
  else if (roomy) value = 50;
  else value = meaningValue(column, n) ?? (column.min ?? 0) + (n % 9) + 1;
  value = clamp(integer ? Math.round(value) : value, column);
  // An integer column with a fractional min (min 0.5) needs the next whole number above it.
  if (integer && !Number.isInteger(value)) value = column.min !== undefined && value === column.min ? Math.ceil(value) : Math.floor(value);
  return integer ? value : value.toFixed(2);
}

/** Whether a date field is someone's birth date (example people are adults, born in the past). */
export function isBirthDate(column: Column): boolean {
  return singularWords(column.prop).some((word) => ['birth', 'born', 'dob', 'birthday'].includes(word));
}

/** A birth date for row n, between 1960 and 2005. */
export function birthDate(n: number): string {
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${1960 + ((n * 7) % 45)}-${pad(1 + ((n * 5) % 12))}-${pad(1 + ((n * 11) % 28))}`;
}
