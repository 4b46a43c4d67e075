// How a record is named wherever the UI refers to it (links, pickers, titles, chips): chosen once
// per entity from its fields' meaning, so a comment reads "Loved the sauce…" and a recipe its
// title, never "#6" while a field could say more.
import { words } from '../../../model/project/naming';
import type { Entity, Field } from '../../../model/project/projectSpec';

/**
 * name: the fields' values joined by a space; excerpt: the first line of a long text, shortened;
 * date/datetime: "<entity label> <value>". No fields: "<entity label> #<id>".
 */
export type DisplayStyle = 'name' | 'excerpt' | 'date' | 'datetime';

export interface RecordDisplay {
  fields: Field[];
  style: DisplayStyle;
}

/** Last words of field names that say "this is what the record is called", most telling first. */
const NAME_WORDS = ['name', 'title', 'label', 'subject', 'headline', 'heading', 'caption', 'username', 'nickname', 'handle'];
const FIRST_NAME = /^(first|given)Name$/;
const LAST_NAME = /^(last|family|sur)Name$|^surname$/;

function lastWord(field: Field): string {
  const parts = words(field.name);
  return (parts[parts.length - 1] ?? '').toLowerCase();
}

/** The best name-like string field: `name`/`title` themselves, then fields ending in a name word. */
function namedField(strings: Field[]): Field | undefined {
  for (const word of NAME_WORDS) {
    const exact = strings.find((f) => f.name.toLowerCase() === word);
    if (exact) return exact;
  }
  for (const word of NAME_WORDS) {
    const ending = strings.find((f) => lastWord(f) === word && !FIRST_NAME.test(f.name) && !LAST_NAME.test(f.name));
    if (ending) return ending;
  }
  return undefined;
}

/** A person's first and last name shown together ("Ada Lovelace"). */
function personName(strings: Field[]): Field[] | undefined {
  const first = strings.find((f) => FIRST_NAME.test(f.name));
  const last = strings.find((f) => LAST_NAME.test(f.name));
  if (first && last) return [first, last];
  return first || last ? [(first ?? last)!] : undefined;
}

/** Without a string field: a long text's first words, else a date, required ones before optional ones. */
function composite(entity: Entity): RecordDisplay | undefined {
  const candidates = entity.fields.filter((f) => f.type === 'text' || f.type === 'date' || f.type === 'datetime');
  const ranked = [...candidates.filter((f) => f.required), ...candidates.filter((f) => !f.required)];
  const chosen = ranked.find((f) => f.type === 'text' && f.required) ?? ranked[0];
  if (!chosen) return undefined;
  return { fields: [chosen], style: chosen.type === 'text' ? 'excerpt' : chosen.type === 'date' ? 'date' : 'datetime' };
}

export function chooseDisplay(entity: Entity): RecordDisplay {
  const strings = entity.fields.filter((f) => f.type === 'string');
  const named = namedField(strings);
  if (named) return { fields: [named], style: 'name' };
  const person = personName(strings);
  if (person) return { fields: person, style: 'name' };
  const plain = strings.find((f) => f.required) ?? strings[0] ?? entity.fields.find((f) => f.type === 'email');
  if (plain) return { fields: [plain], style: 'name' };
  return composite(entity) ?? { fields: [], style: 'name' };
}
