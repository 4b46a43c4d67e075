// Value ranges written as notes: "temper 1-5", "weight: 2-40 kg", "min lesson length 2 hrs",
// "max loan 500 eur". The whole clause is the value's name and its bounds; a name that is a record
// or people ("rooms 1-5", "max guests 8") is a count or a list, not a value, and is left alone.
import { isPeople, mentionsIn, type RuleContext } from './context';
import { applyRange } from './ranges';
import { parseNumber, stripArticles, UNITS, wordsOf } from './words';
import { guarded } from '../guardedRegExp';

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
/** "temper 1-5", "weight: 2 to 40 kg". */
const NAME_SPAN = guarded(new RegExp(String.raw`^([a-z][a-z ]{1,30}?)\s*:?\s+${NUMBER}\s*(?:-|–|to)\s*${NUMBER}\s*([a-z%]+)?$`));
/** "min lesson length 2 hrs", "maximum deposit: 500 eur". */
const BOUND_NAME = guarded(new RegExp(String.raw`^(min|max|minimum|maximum)\.?\s+([a-z][a-z ]{1,30}?)\s*:?\s+(?:is\s+|of\s+)?${NUMBER}\s*([a-z%]+)?$`));

export function rangeShorthand(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '').trim();
  const span = NAME_SPAN.exec(plain);
  const bound = span ? null : BOUND_NAME.exec(plain);
  if (!span && !bound) return false;
  const name = stripArticles(wordsOf(span ? span[1] : bound![2]));
  const unit = span ? span[4] : bound![4];
  if (!name.length || name.length > 3 || (unit && !UNITS[unit] && unit !== '%')) return false;
  // A record or people named ("rooms 1-5", "max guests 8"): numbers of them, not a value's bounds.
  if (isPeople(ctx, name) || mentionsIn(ctx, name).some((m) => m.end === name.length - 1)) return false;
  // A clause, not a name: "cakes are sold 9-5", "open 9-5" (times of day).
  if (name.some((w) => /^(?:is|are|was|were|be|been|open|opens|closed?|from|at|on|until)$|ed$/.test(w)) || /^(?:am|pm|h)$/.test(unit ?? '')) return false;
  if (span) {
    const a = parseNumber(span[2].replace(',', '.'));
    const b = parseNumber(span[3].replace(',', '.'));
    if (a === undefined || b === undefined || a === b) return false;
    return applyRange(ctx, name, { min: Math.min(a, b), max: Math.max(a, b) }, { unit, label: plain.slice(0, 80) });
  }
  const n = parseNumber(bound![3].replace(',', '.'));
  if (n === undefined) return false;
  const bounds = /^min/.test(bound![1]) ? { min: n } : { max: n };
  return applyRange(ctx, name, bounds, { unit, label: plain.slice(0, 80) });
}
