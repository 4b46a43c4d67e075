// Where a record is, said as one of its values: "The film set is located at a specific location",
// "each hotel is located in a city at a particular address", "every depot is situated in a region".
// A place named with "a"/"an" is one the record has (a field, or a link when the place is a record
// of its own: "each copy is located in a cinema"); "located in the north wing" names one place, no value.
import { trailingPhrase } from './phrases';
import { parseItem, recordValues, type FieldItem, type RecordValues } from './fieldItem';

const PLACED = /^(?:(?:each|every|a|an|the|all)\s+)?([a-z][a-z -]{1,40}?)\s+(?:is|are|must be|should be|will be)\s+(?:(?:always|usually|also|physically)\s+)?(?:located|situated|based|housed)\s+((?:\s*(?:in|at|on|inside|near)\s+(?:a|an|one)\s+[a-z][a-z -]*?(?=\s+(?:in|at|on|inside|near)\s+(?:a|an|one)\s|\s*(?:[,;.]|$|\s(?:and|or|but|which|that|where)\s)))+)/;
const PLACE = /(?:in|at|on|inside|near)\s+(?:a|an|one)\s+(?:(?:specific|particular|certain|given|single)\s+)?([a-z][a-z -]*?)(?=\s+(?:in|at|on|inside|near)\s+(?:a|an|one)\s|$)/g;

/** "a film shot on a film set is …": a subject with a phrase of its own names its head before that phrase, not the last noun. */
export const PHRASED_SUBJECT = /\b(?:on|in|at|of|for|with|by|from|to|about|that|which|who)\b/;

export function placedValues(plain: string): RecordValues | undefined {
  const placed = PLACED.exec(plain);
  const phrase = placed && !PHRASED_SUBJECT.test(placed[1]) ? trailingPhrase(placed[1]) : undefined;
  if (!placed || !phrase) return undefined;
  // ("is based on a screenplay" says what it comes from; "is based in a city" where it is.)
  if (/\sbased\s+(?!in\s|at\s)/.test(plain.slice(0, placed.index + placed[0].length))) return undefined;
  const items: FieldItem[] = [];
  for (const place of placed[2].trim().matchAll(PLACE)) {
    const item = parseItem(place[1]);
    // (One word or two: "a city", "a storage room"; longer is a description, not a value's name.)
    if (item && item.words.length <= 2 && !item.plural) items.push(item);
  }
  return items.length ? recordValues(phrase, items) : undefined;
}
