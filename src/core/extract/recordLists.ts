// Lists whose items are records, not fields: "with classes and instructors", and the app named
// over a list of its records ("Hotel booking: rooms, guests, reservations").
import type { FieldList } from './fields';
import type { SentenceInfo } from './sentences';
import { inferType } from './types';

/**
 * "Hotel booking: rooms, guests, reservations", "Library: books, members, loans": one thing named
 * before a colon over a list of records is the app (or a part of it) those records make up, not a
 * record of its own ("Departments: …" in the plural, or a list of fields, still is).
 */
export function titlesRecords(list: FieldList, sentence: SentenceInfo): boolean {
  if (!list.subject || !listOfRecords(list)) return false;
  // (Keys are lower-case words, hyphens and apostrophes: nothing to escape.)
  const name = list.subject.split(' ').join('\\s+');
  // (A dash after the name as a colon: "Pet clinic - owners, pets, visits".)
  return new RegExp(`^(?:[a-z-]+\\s+){0,3}?${name}\\s*(?::|[-–—]\\s)`).test(sentence.plain);
}

/** "with classes and instructors", "clients, their dogs, and walks (…)": every item a plural noun. */
export function listOfRecords(list: FieldList): boolean {
  return list.items.length >= 2 && list.items.every((i) => i.plural && !i.hint && ['string', 'text'].includes(inferType(i.words).type));
}

