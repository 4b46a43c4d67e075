// Which candidates become entities: compounds merged into their heads, the records an app of a
// known kind always has, candidates in order of first mention (User first when there is sign-in),
// and, at the end, records mentioned in passing dropped again.
import type { AuthFindings } from './auth';
import { addEntity, addField, type Draft } from './draft';
import { addEvidence, ENTITY_THRESHOLD, entityKeyAllowed, type Candidate, type Evidence } from './entities';
import type { PendingList } from './applyFields';
import { APP_KINDS, knownNoun } from './knowledge';
import { PERSON_NOUNS, singular, STAFF_ROLES } from './lexicon';
import { notARecord, theBusinessItself } from './notRecords';
import { describedAsRecord } from './recordCues';
import { namedMoreOftenAs } from './sameThing';
import type { SentenceInfo } from './sentences';
import { tagSentence } from './nlp';
import { pluralizeWord } from '../../model/project/naming';

const MAX_ENTITIES = 40;

/**
 * A short idea whose records come with no fields ("a forum for my friends", "a forum to share
 * thoughts") gets the records such an app always has, and sign-in when that kind of app has it.
 */
export function addAppKindRecords(sentences: SentenceInfo[], evidence: Evidence, pending: PendingList[], auth: AuthFindings): void {
  const chosen = [...evidence.values()].filter((c) => c.score >= ENTITY_THRESHOLD && !PERSON_NOUNS.has(c.key));
  const terse = sentences.filter((s) => !s.heading).length <= 3 && !pending.some((l) => l.items.length >= 2);
  if (chosen.length >= 2 && !terse) return;
  const kindSentence = sentences.slice(0, 5).find((s) => APP_KINDS.some((k) => k.pattern.test(s.plain)));
  const kind = kindSentence && APP_KINDS.find((k) => k.pattern.test(kindSentence.plain));
  if (!kind || !kindSentence) return;
  for (const key of kind.entities) if (!evidence.get(key) || evidence.get(key)!.score < ENTITY_THRESHOLD) addEvidence(evidence, key, ENTITY_THRESHOLD, kindSentence.id);
  if (kind.auth && !auth.enabled) {
    auth.enabled = true;
    auth.sources.push(kindSentence.id);
    auth.selfSignup = true;
    auth.genericUsersSignIn = true;
  }
}

/**
 * "survey questions" next to "surveys": the modifier is another record, so the compound is just
 * a question (of a survey). Line-like heads keep the compound ("order lines", "cart items").
 */
/** Nouns for a group of things of one kind, named by the word before them ("hotel chain", "truck fleet"). */
const COLLECTIVE_HEADS = /^(?:chain|fleet|network|franchise|collection|portfolio|cluster|consortium|federation|archipelago|herd|flock|pack)$/;

export function mergeCompounds(evidence: Evidence, listed: Set<string>, sentences: SentenceInfo[] = []): void {
  const plainText = sentences.map((s) => s.plain).join(' \n ');
  const isEntity = (key: string) => {
    const c = evidence.get(key);
    return !!c && c.score >= ENTITY_THRESHOLD && (c.strong || c.sources.size >= 2);
  };
  for (const candidate of [...evidence.values()]) {
    const words = candidate.key.split(' ');
    if (words.length < 2) continue;
    const head = words[words.length - 1];
    const modifier = words.slice(0, -1).join(' ');
    if (['item', 'line', 'entry', 'type', 'detail', 'note', 'category'].includes(head) || !isEntity(modifier)) continue;
    // ("a film set" next to "films": a head that can name no record alone keeps its compound.)
    if (!entityKeyAllowed(head, evidence.accountsAreRecords, evidence.byStructure)) continue;
    // ("a hotel chain has hotels", "a bus fleet": a collective head groups what its modifier names; the compound is its name.)
    if (COLLECTIVE_HEADS.test(head)) continue;
    // "Room bookings: member, room, start" next to "Desk bookings: member, desk, date": a compound
    // with fields of its own is its own record, and the bare head ("per booking") means one of them.
    if (listed.has(candidate.key)) {
      if (!listed.has(head)) evidence.delete(head);
      continue;
    }
    evidence.delete(candidate.key);
    // "a screenplay comes from …", "until a player lands on it": a record's verb read as a compound's head.
    if (verbAfterRecord(head, plainText, isEntity)) continue;
    for (const [source, score] of candidate.bySentence) addEvidence(evidence, head, score, source, candidate.strong);
  }
}


/**
 * A compound "record + word" whose head the text only ever writes as "<one record> <head>s" ("a
 * screenplay comes from …", "until a player lands on it", "if the student cancels …"), and that is
 * a verb, is the record doing something, not a kind of that record ("a fuel purchase is …" is a
 * purchase; "customers write reviews" names reviews).
 */
export function verbAfterRecord(head: string, plainText: string, isRecord: (word: string) => boolean): boolean {
  const third = pluralizeWord(head);
  if (!plainText || third === head || !verbWord(head)) return false;
  return wordsBefore(plainText, head, third).every(({ word, before }) => {
    const [det, noun] = before.trim().split(/\s+/);
    return word === third && !!noun && /^(?:a|an|the|each|every|this|that)$/.test(det) && isRecord(noun) && singular(noun) === noun;
  });
}

/**
 * Each use of `head` or `third` in the text, with the (at most two) words written right before it.
 * The word is found first and the words before it read backwards from there: one expression that
 * tried a two-word prefix at every position of a long paste cost more than the rest of the pass.
 */
function wordsBefore(text: string, head: string, third: string): { word: string; before: string }[] {
  const uses: { word: string; before: string }[] = [];
  let end = 0; // uses never overlap: a word's prefix does not reach back into the use before it
  for (const m of text.matchAll(new RegExp(String.raw`(?:${head}|${third})\b(?!-)`, 'g'))) {
    const from = Math.max(end, m.index - 200);
    const window = (from === 0 ? ' ' : '') + text.slice(from, m.index);
    const before = /[^a-z-]((?:[a-z-]+\s+)?[a-z-]*)\s*$/.exec(window)?.[1] ?? '';
    uses.push({ word: m[0], before });
    end = m.index + m[0].length;
  }
  return uses;
}

/** Whether the tagger reads the word as a verb after "to". */
function verbWord(word: string): boolean {
  return tagSentence(`to ${word}`)[1]?.pos === 'verb';
}

/** Entities, in order of first mention (User first when there is sign-in). */
export function addEntities(draft: Draft, sentences: SentenceInfo[], evidence: Evidence, auth: AuthFindings, roleWords: Set<string>, withFields: Set<string>): void {
  if (auth.enabled) {
    const user = addEntity(draft, 'user', auth.sources[0]);
    auth.sources.forEach((s) => user?.sources.add(s));
    if (user) addField(user, { words: ['name'], type: 'string', required: true }, auth.sources[0]);
  }
  const candidates = entityCandidates(sentences, evidence, auth, roleWords, withFields);
  const plainText = sentences.map((s) => s.plain).join(' \n ');
  for (const candidate of candidates) {
    if (notARecord(candidate.key, sentences)) continue;
    // "Volunteers fill in an application form with …" where applications are records: the form is the record's.
    const formOf = candidate.key.endsWith(' form') ? candidates.find((c) => c.key === candidate.key.slice(0, -' form'.length)) : undefined;
    if (formOf && !notARecord(formOf.key, sentences)) {
      candidate.sources.forEach((s) => formOf.sources.add(s));
      continue;
    }
    // "tickets" next to "repair tickets" with fields: the same record, named short. (Not when the
    // short name has fields of its own: "All sensors have a unit. Temperature sensors have a min and a max.")
    const longer = !candidate.key.includes(' ') && !withFields.has(candidate.key) ? candidates.filter((c) => c.key.endsWith(` ${candidate.key}`) && withFields.has(c.key)) : [];
    if (longer.length === 1) {
      candidate.sources.forEach((s) => longer[0].sources.add(s));
      continue;
    }
    // "Users write blog posts. A post has a title, …": the compound named once in passing, then
    // called by its head, is the record the short name gives fields to (when no other compound
    // shares that head; a kind named after its general record, "sessions … group sessions", stays).
    const shorter = candidate.key.includes(' ') && !withFields.has(candidate.key) && candidate.sources.size === 1 && !givenValues(candidate.key, sentences) ? candidates.find((c) => c.key === candidate.key.split(' ').pop() && withFields.has(c.key) && c.first > candidate.first) : undefined;
    if (shorter && candidates.filter((c) => c.key.endsWith(` ${shorter.key}`)).length === 1) {
      candidate.sources.forEach((s) => shorter.sources.add(s));
      continue;
    }
    // "several seat categories. The designation of each category …": the bare head, first written
    // after the one compound it ends, points back to it.
    const named = !candidate.key.includes(' ') ? candidates.filter((c) => c.key.endsWith(` ${candidate.key}`)) : [];
    if (named.length === 1 && headPointsBack(candidate.key, named[0].key, plainText)) {
      candidate.sources.forEach((s) => named[0].sources.add(s));
      continue;
    }
    // "create digital learning modules" read as "learning module" too: a name the text never writes
    // without the longer name's first words is that longer name.
    const whole = candidates.find((c) => c.key.endsWith(` ${candidate.key}`) && onlyWithin(candidate.key, c.key, plainText));
    if (whole) {
      candidate.sources.forEach((s) => whole.sources.add(s));
      continue;
    }
    // "… offer a pickup service to its customers … for clients who receive …": one record, named as most often.
    const same = namedMoreOftenAs(candidate, candidates);
    if (same) {
      candidate.sources.forEach((s) => same.sources.add(s));
      continue;
    }
    if (theBusinessItself(candidate.key, plainText, withFields, sentences)) {
      candidate.sources.forEach((s) => draft.used.add(s));
      continue;
    }
    if (draft.entities.length >= MAX_ENTITIES + 1) {
      draft.warnings.push(`Only the first ${MAX_ENTITIES} record types were kept.`);
      break;
    }
    const entity = addEntity(draft, candidate.key);
    if (entity) {
      candidate.sources.forEach((s) => entity.sources.add(s));
      candidate.sources.forEach((s) => draft.used.add(s));
    }
  }
}

/**
 * Whether every bare mention of `head` ("category", "this category") comes after the text first
 * names `compound` ("seat categories"), and none brings it in with "a": then the head is that
 * compound named short ("each category", "this category"), not a record of its own. A head written first ("Accounts have a number. Savings accounts …") names the
 * general record, and the compound a kind of it.
 */
export function headPointsBack(head: string, compound: string, plainText: string): boolean {
  const modifier = compound.split(' ').slice(0, -1).join(' ');
  const forms = `(?:${head}|${pluralizeWord(head)})`;
  const compoundAt = plainText.search(new RegExp(`\\b${modifier}\\s+${forms}\\b`));
  if (compoundAt < 0) return false;
  const lastModifier = modifier.split(' ').pop() ?? '';
  for (const match of plainText.matchAll(new RegExp(`(?:([a-z-]+)\\s+)?\\b${forms}\\b`, 'g'))) {
    if (match[1] === lastModifier) continue;
    // ("a room has a capacity": "a" brings in rooms in general, it does not point back.)
    if ((match.index ?? 0) < compoundAt || match[1] === 'a' || match[1] === 'an') return false;
  }
  return true;
}

/** Whether every mention of `short` (or its plural) in the text is the end of `long` ("learning module" only in "digital learning modules"). */
export function onlyWithin(short: string, long: string, plainText: string): boolean {
  const words = short.split(' ');
  const forms = `${words.slice(0, -1).map((w) => `${w}\\s+`).join('')}(?:${words[words.length - 1]}|${pluralizeWord(words[words.length - 1])})\\b`;
  const before = long.slice(0, long.length - short.length).trim().split(' ');
  const all = plainText.match(new RegExp(`\\b${forms}`, 'g'))?.length ?? 0;
  const within = plainText.match(new RegExp(`\\b${before.join('\\s+')}\\s+${forms}`, 'g'))?.length ?? 0;
  return all > 0 && all === within;
}

/** "Temperature sensors have a valid range": the text gives the record a value of its own. */
function givenValues(key: string, sentences: SentenceInfo[]): boolean {
  const pattern = new RegExp(`\\b${key}(?:s|es)?\\s+(?:has|have|with|contains?|includes?)\\b`);
  return sentences.some((s) => pattern.test(s.plain));
}

/** The candidates strong enough to be entities, first mentioned first; people who only sign in are roles, not records. */
function entityCandidates(sentences: SentenceInfo[], evidence: Evidence, auth: AuthFindings, roleWords: Set<string>, withFields: Set<string>): Candidate[] {
  // In a long text every noun comes back now and then: weak cues need more sentences there.
  const weakSources = sentences.length > 25 ? 3 : 2;
  // In a one- or two-line idea every thing people act on matters ("customers pick a barber and a slot").
  const oneLiner = sentences.filter((s) => !s.heading).length <= 2;
  const strongEnough = (c: Candidate) => (c.score >= ENTITY_THRESHOLD || (oneLiner && c.score >= 1.5)) && (c.strong || c.sources.size >= weakSources || oneLiner);
  // A sign-in role stays only a role unless the text gives it fields or describes it as a record
  // again and again (strong cues worth three records: "each test belongs to a patient", "the blood
  // group of each patient", "each appointment is for one patient"): then it is a record too.
  const onlyARole = (c: Candidate) => (auth.enabled && roleWords.has(c.key) && !withFields.has(c.key) && !(c.strong && c.score >= 3 * ENTITY_THRESHOLD)) || (!!STAFF_ROLES[c.key] && auth.enabled && !withFields.has(c.key));
  return [...evidence.values()]
    // Weak cues (plural mentions) must come from more than one sentence.
    .filter((c) => strongEnough(c) && entityKeyAllowed(c.key, auth.accountsAreRecords, evidence.byStructure) && !onlyARole(c))
    .sort((a, b) => a.first - b.first || b.score - a.score || (a.key < b.key ? -1 : 1));
}

/** Texts this short name every record that matters; only longer ones mention things in passing. */
const BARE_MIN_SENTENCES = 4;
/** Evidence at or under this is "mentioned a few times", not "described". */
const BARE_MAX_SCORE = 4;

/**
 * "printed on every label", "operatives carry handheld scanners": in a longer text a noun that is
 * mentioned a few times but gets no fields, no links to other records and is not a known kind of
 * record is a passing mention, not a table. It is left out and named in a warning, so the review
 * can add it back.
 */
export function dropBareEntities(draft: Draft, evidence: Evidence, sentences: SentenceInfo[]): void {
  if (sentences.filter((s) => !s.heading).length < BARE_MIN_SENTENCES) return;
  const dropped: string[] = [];
  const keys = new Set(draft.entities.filter((e) => e.name !== 'User').map((e) => e.key));
  for (const entity of [...draft.entities]) {
    if (entity.name === 'User' || entity.fieldsFromText || knownNoun(entity.key)) continue;
    if (draft.relations.some((r) => (r.from === entity.name && r.to !== 'User') || r.to === entity.name)) continue;
    if ((evidence.get(entity.key)?.score ?? 0) > BARE_MAX_SCORE) continue;
    if (describedAsRecord(entity.key, sentences, keys)) continue;
    draft.entities.splice(draft.entities.indexOf(entity), 1);
    draft.relations = draft.relations.filter((r) => r.from !== entity.name && r.to !== entity.name);
    dropped.push(entity.name);
  }
  if (dropped.length) draft.warnings.push(`Mentioned but not made records (no fields or links of their own): ${dropped.join(', ')}. Add them in the review if the app should store them.`);
}

