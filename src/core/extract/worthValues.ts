// What a record is worth in a game's or a shop's units: "Each block has a color and is worth a
// certain number of points between 1 and 1000", "A voucher is worth 50 credits". The units are a
// value of the record (Block.points), never records of their own.
import { trailingPhrase } from './phrases';
import type { FieldItem } from './fieldItem';

/** Units a thing is worth that are counted, not kept as records. */
const UNITS = '(points|credits|coins|tokens|stars|gems|miles|bonus points|reward points|loyalty points|experience points)';
/**
 * "[Each] block [has a color and] is worth [a certain number of | up to | 10] points [between 1 and 1000]".
 * (The subject is the sentence's first noun phrase; a has-list between it and "is worth" is read elsewhere.)
 */
const WORTH = new RegExp(
  String.raw`^(?:each |every |a |an |the |all )?([a-z][a-z -]{0,30}?) (?:(?:has|have) [^.;]*? and )?(?:is|are|can be|will be) (?:always |also )?worth (?:(?:a|some) (?:certain |given |fixed |set )?(?:number|amount) of |up to |at least |at most |between \d+ and \d+ |\d+ )?${UNITS}(?: between (\d+) and (\d+))?\b`,
);

/** The record and the count of units it is worth, when the sentence says what it is worth. */
export function worthValues(plain: string): { subject: string; items: FieldItem[] } | undefined {
  const found = WORTH.exec(plain);
  const owner = found ? trailingPhrase(found[1]) : undefined;
  if (!found || !owner) return undefined;
  const words = found[2].split(' ');
  const bounds = found[3] !== undefined ? { min: Number(found[3]), max: Number(found[4]) } : { min: 0 };
  // (Keyed as written: a record Point the text names elsewhere must not take the value for a link.)
  const item: FieldItem = { words, key: words.join(' '), plural: false, hint: { type: 'integer', ...bounds }, optional: false, unique: false, required: false, context: found[0] };
  return { subject: owner.key, items: [item] };
}
