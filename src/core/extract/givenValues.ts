// Values a record is given: "Each order is given a number", "every parcel is assigned a tracking
// code and a weight class", "the tickets will also be assigned a seat number". A passive verb of
// giving with its second object left after it: what the record gets is one of its values (or, when
// it names another record, a link: "each exhibition is assigned a coordinator"). The active form
// names the record after "to": "the clerk assigns a category to the article".
import { trailingPhrase } from './phrases';
import { recordValues, type RecordValues } from './fieldItem';
import { parseItems } from './fieldItems';
import { PHRASED_SUBJECT } from './placedValues';
import { VALUE_WORDS } from './colonValueRecords';

/** "is given", "are assigned", "will also be allocated", "gets issued". */
const GIVEN = /^(?:(?:each|every|a|an|the|all)\s+)?([a-z][a-z -]{1,40}?)\s+(?:is|are|gets|get|(?:will|must|should|can|may|has to|have to)\s+(?:also\s+|always\s+)?be)\s+(?:(?:also|always|automatically|then|first|each)\s+)?(?:given|assigned|allocated|issued|awarded|granted)\s+((?:a|an|one|its|their|his|her|a unique|an unique)\s.+)$/;

/** "assigns a category to the article", "allocates a unique code to each parcel": the value, then the record it goes to (up to where the clause goes on). */
const ASSIGNED_TO = /\b(?:assigns?|allocates?)\s+((?:a|an|one)\s+(?:unique\s+)?[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)\s+to\s+(?:each|every|a|an|the)\s+([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)(?=\s+(?:from|when|after|before|as|at|in|on|for|so|based|according|which|that|who|if|once|by)\b|\s*[,.;:(]|$)/;

/**
 * "save a comment with additional information about the order", "attach a photo to each claim": a
 * value word (VALUE_WORDS) a person adds to one record is one of its values (or a link, when it names
 * a record). Only "a"/"an" + the value word, then about/to/on/with one record ("a note for the driver" is for someone, no value of theirs).
 */
const ATTACHED_TO = /\b(?:adds?|attach(?:es)?|saves?|leaves?|writes?|enters?|records?|stores?)\s+((?:a|an)\s+(?:short\s+|free\s+|optional\s+)?([a-z][a-z-]*))(?:\s+with\s+[a-z][a-z ]{0,40}?)?\s+(?:about|to|on|with)\s+(?:each|every|a|an|the)\s+([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)(?=\s+(?:from|when|after|before|as|at|in|on|for|so|based|according|which|that|who|if|once|by)\b|\s*[,.;:(]|$)/;

export function givenValues(plain: string): RecordValues | undefined {
  return passivelyGiven(plain) ?? assignedTo(plain) ?? attachedTo(plain);
}

function attachedTo(plain: string): RecordValues | undefined {
  const attached = ATTACHED_TO.exec(plain);
  if (!attached || !VALUE_WORDS.has(attached[2])) return undefined;
  const phrase = trailingPhrase(attached[3]);
  const items = phrase && !phrase.plural ? parseItems(attached[1]) : [];
  return phrase && items.length ? recordValues(phrase, items) : undefined;
}

function assignedTo(plain: string): RecordValues | undefined {
  const assigned = ASSIGNED_TO.exec(plain);
  const phrase = assigned ? trailingPhrase(assigned[2]) : undefined;
  const items = phrase && !phrase.plural ? parseItems(assigned![1]) : [];
  return phrase && items.length ? recordValues(phrase, items) : undefined;
}

function passivelyGiven(plain: string): RecordValues | undefined {
  const given = GIVEN.exec(plain);
  const phrase = given && !PHRASED_SUBJECT.test(given[1]) ? trailingPhrase(given[1]) : undefined;
  // ("Each exhibition is assigned an employee as coordinator": the list ends where the role is said.)
  // (", and we want …": a clause of its own ends the list.)
  const listed = given ? given[2].split(/,?\s+(?:and|but|while|so)\s+(?:we|you|i|they|he|she|it|the system|the app)\s/)[0] : '';
  const items = given ? parseItems(listed.replace(/\s+as\s+(?:a|an|the|its|their)?\s*[a-z-]+\s*\.?$/, '')) : [];
  // ("Patients are given a room": each patient one room.)
  return phrase && items.length ? recordValues(phrase, items) : undefined;
}
