// Which words can name a stored record, and which name a person: the tests every evidence pattern
// asks of a noun phrase before counting it ("screenings" but not "screening", "reviewer" is a
// person, "order" and "folder" only end like one).
import type { Analysis, NounPhrase } from './grammar';
import { genericHeadAllowed, NON_ENTITY, NOT_STORED, PERSON_NOUNS, STAFF_ROLES, USER_WORDS } from './lexicon';
import { probeOf, tagSentence } from './nlp';

/** A key whose head names a person (known person noun, staff role, user word) or an actor the tagger saw. */
export function isPersonKey(key: string, actor = false): boolean {
  const head = key.split(' ').pop() ?? key;
  return PERSON_NOUNS.has(head) || !!STAFF_ROLES[head] || USER_WORDS.has(head) || actor || namedAsPerson(head);
}

/** "boatman", "chairwoman", "salesperson", "groundsmen": a compound ending in -man, -woman or -person names a person. */
const PERSON_COMPOUND = /^[a-z]{3,}(?:man|men|woman|women|person|persons)$/;
/** Words that only end like one. */
const NOT_PERSON_COMPOUNDS = new Set(['talisman', 'ottoman', 'caiman', 'dolman', 'doberman', 'german', 'roman', 'specimen', 'abdomen', 'regimen', 'acumen', 'stamen', 'bitumen', 'dolmen']);
function namedAsPerson(word: string): boolean {
  return PERSON_COMPOUND.test(word) && !NOT_PERSON_COMPOUNDS.has(word);
}

/** Whether a phrase can name a stored record at all. */
export function storable(phrase: NounPhrase, analysis: Analysis): boolean {
  const head = phrase.headWord;
  // "no double bookings": what must not exist is a rule, not a record.
  if (phrase.determiner === 'no' || analysis.terms[phrase.start - 1]?.w === 'no') return false;
  if (head.length < 3 || !/^[a-z]/.test(head)) return false;
  if (head === 'account' && analysis.accountsAreRecords) return true;
  if (analysis.byStructure?.has(phrase.key) && phrase.key.includes(' ')) return true;
  if ((NON_ENTITY.has(head) || NOT_STORED.has(head)) && !genericHeadAllowed(phrase.key) && !analysis.byStructure?.has(head)) return false;
  if (USER_WORDS.has(head) && !analysis.byStructure?.has(head)) return false;
  if ((STAFF_ROLES[head] || PERSON_NOUNS.has(head) || analysis.terms[phrase.head].actor) && !analysis.peopleAreRecords) return false;
  if (analysis.terms[phrase.head].capital && !phrase.plural) return false;
  // Abstract-looking words are records when written in the plural ("screenings", "inspections").
  // ("book a crossing", "each sailing": an -ing noun counted by an article is an occurrence, not an activity.)
  // (Right after the article: in "an h1 title displaying" the -ing word is a participle the tagger joined to the phrase.)
  // ("a ferry crossing", "each river crossing": after a noun too, when no object follows the -ing word.)
  const after = analysis.terms[phrase.head + 1];
  const when = after && /^(?:each|every|this|next|last|per)$/.test(after.w) && TIME_UNIT.test(analysis.terms[phrase.head + 2]?.w ?? '');
  const takesNoObject = !after || when || !/^(?:det|noun|pron|adj|num)$/.test(after.pos);
  const counted = /ing$/.test(head) && /^(?:a|an|each|every|one)$/.test(phrase.determiner ?? '') && (phrase.head === phrase.start + 1 || takesNoObject);
  return !/(?:ing|ness|ity|ment|tion)$/.test(head) || phrase.plural || counted || knownRecordLike(head);
}

/** "… each week", "… every morning": when, not what. */
const TIME_UNIT = /^(?:day|week|month|year|morning|afternoon|evening|night|weekend|hour|time|season|term|semester)s?$/;

/** Abstract-looking heads that are nevertheless common records. */
function knownRecordLike(head: string): boolean {
  return /^(booking|meeting|listing|building|rating|wedding|recording|posting|offering|training|painting|reading|filing|appointment|shipment|payment|assignment|enrollment|enrolment|apartment|equipment|department|document|instrument|shipment|treatment|investment|tournament|reservation|registration|application|donation|subscription|submission|question|collection|position|location|transaction|inspection|station|session|section|competition|prescription|vaccination|certification|notification|invitation|promotion|nomination|excursion|commission|quotation|specification|requisition|consultation|examination|installation|description|publication|condition|medication|union|mission|contribution|evaluation|observation|adoption|election|exhibition|acquisition|donation|facility|activity|property|university|community|charity|opportunity|city|commodity|entity|casualty|party|duty|utility|ability|availability|shipment|achievement|settlement|statement|announcement|complaint|garment|element|compartment|segment|assessment|agreement|requirement|measurement|supplement|fulfillment|replacement|employment|placement|adjustment|arrangement|engagement|advertisement|amendment|attachment)$/.test(head);
}

/** Heads that end like agent nouns but name things ("order", "folder", "number"). */
export function storableHead(head: string): boolean {
  return /^(order|folder|number|letter|paper|poster|sticker|voucher|trailer|computer|printer|scanner|monitor|container|register|filter|meter|chapter|counter|character|corridor|floor|door|error|sensor|elevator|tractor|motor|calendar|ledger|roster|charter|quarter|member|center|centre|theater|theatre|cluster|layer|timer|batter|matter|water|shelter|tender|header|footer|banner|marker|tracker|planner|trigger|anchor|mirror|vendor|donor|sponsor)$/.test(head);
}

/** A word for a person: a known person noun, a role, or an agent noun ("reporter", "assignee"). */
export function isPersonWord(word: string): boolean {
  if (isPersonKey(word)) return true;
  if (!/(?:er|or|ee|ist|ian)$/.test(word) || storableHead(word) || word.length < 5) return false;
  const tagged = tagSentence(probeOf(word)).find((t) => t.w === word);
  if (!tagged || (!tagged.actor && tagged.pos !== 'noun')) return false;
  // -er/-or/-ee name a person only as a verb's agent ("reviewer", "visitor", "trainee"); "color" or
  // "paper" only end like one. -ist/-ian ("dentist", "librarian") name people as such.
  return tagged.actor || /(?:ist|ian)$/.test(word) || agentOfVerb(word);
}

/** "reviewer" (review), "manager" (manage), "runner" (run), "trainee" (train): a verb + -er/-or/-ee. */
function agentOfVerb(word: string): boolean {
  const stems = [word.slice(0, -2), word.slice(0, -1)];
  if (/([b-df-hj-np-tv-z])\1(?:er|or|ee)$/.test(word)) stems.push(word.slice(0, -3));
  return stems.some((stem) => stem.length >= 3 && tagSentence(`to ${stem}`)[1]?.pos === 'verb');
}
