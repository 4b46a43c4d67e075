// Words to model: which entities (and which people, mapped to User with a role) a fragment names,
// which sign-in role words mean, and which field a phrase names ("the end date of a season",
// "booking start", "kg"), with the entity it belongs to.
import { words as nameWords } from '../../../model/project/naming';
import type { Draft, DraftEntity, DraftField } from '../draft';
import { PERSON_NOUNS, singular, STAFF_ROLES, USER_WORDS } from '../lexicon';
import { lexiconTags, PERSON_SUFFIX, probeOf, tagSentence } from '../nlp';
import type { RuleContext } from './context';
import { isActionVerb, PEOPLE_WORDS, stripArticles, wordsOf } from './words';
import { remembered } from '../remembered';
import { entityIndex } from '../entityIndex';

export interface Mention {
  entity: DraftEntity;
  /** For people words mapped to User: the sign-in role they name, if any. */
  role?: string;
  person: boolean;
  /** Word positions in the fragment. */
  start: number;
  end: number;
  plural: boolean;
}

const PRONOUNS = new Set(['nobody', 'anybody', 'anyone', 'everyone', 'everybody', 'someone', 'somebody', 'no-one', 'i', 'me', 'myself', 'we', 'us', 'they', 'them', 'you', 'ppl']);

function keyOf(entity: DraftEntity): string {
  return spacedKey(entity.key);
}

/** A key as the rule passes read it: hyphens as spaces ("e-mail address" -> "e mail address"). */
function spacedKey(key: string): string {
  return key.replace(/-/g, ' ');
}

const RANK = /^(head|senior|junior|chief|lead|assistant|deputy|main|super|vice|co|sub|trainee|principal|general|executive)$/;

/** A sign-in role named by these words ("league admins" -> admin, "community manager" -> community_manager). */
export function roleOf(ctx: Pick<RuleContext, 'roles'>, ws: string[]): string | undefined {
  const clean = stripArticles(ws).filter((w) => !/^(only|the|a|an)$/.test(w));
  if (!clean.length) return undefined;
  const sing = [...clean.slice(0, -1), singular(clean[clean.length - 1])];
  const tries: string[] = [];
  for (let i = 0; i < sing.length; i++) {
    // "league admins" is the admin, but a "senior analyst" is not an analyst.
    if (i > 0 && RANK.test(sing[i - 1])) break;
    const rest = sing.slice(i);
    tries.push(rest.join('_'));
    const mapped = STAFF_ROLES[rest.join(' ')] ?? (rest.length === 1 ? STAFF_ROLES[rest[0]] : undefined);
    if (mapped) tries.push(mapped);
  }
  for (const t of tries) if (ctx.roles.includes(t)) return t;
  // "head teacher" when only "teacher" signs in is not the same role; "league admin" is the admin.
  const last = sing[sing.length - 1];
  const admin = STAFF_ROLES[last];
  if (admin === 'admin' && ctx.roles.includes('admin')) return 'admin';
  return undefined;
}

/** Whether these words name people (a role, a person noun or a generic user word). */
export function isPeople(ctx: Pick<RuleContext, 'roles' | 'roleWords'>, ws: string[]): boolean {
  const clean = stripArticles(ws);
  if (!clean.length) return false;
  const head = clean[clean.length - 1];
  const s = singular(head);
  return PRONOUNS.has(head) || PEOPLE_WORDS.has(head) || USER_WORDS.has(head) || USER_WORDS.has(s) || PERSON_NOUNS.has(s) || !!STAFF_ROLES[s] || ctx.roleWords.has(s) || !!roleOf(ctx, clean) || (PERSON_SUFFIX.test(s) && isActor(s));
}


/**
 * People the app has no sign-in for: a person mapped to User whose words name none of the app's roles,
 * when it has roles ("a mechanic can work on at most 3 jobs" in a shop where customers and managers
 * sign in). Rows counted per such a person would be counted per whoever owns them.
 */
export function personWithoutSignIn(ctx: Pick<RuleContext, 'roles' | 'roleWords'>, mention: Mention, ws: string[]): boolean {
  if (!mention.person || mention.role || mention.entity.name !== 'User' || !ctx.roles.some((r) => r !== 'admin')) return false;
  const clean = stripArticles(ws.slice(mention.start, mention.end + 1));
  const head = clean[clean.length - 1] ?? '';
  const s = singular(head);
  return !PRONOUNS.has(head) && !PEOPLE_WORDS.has(head) && !USER_WORDS.has(head) && !USER_WORDS.has(s) && !ctx.roleWords.has(s);
}

/** "plot inspections" (a plural noun after the name) but not "claim goes" (a verb). */
function pluralNounAfter(name: string, next: string, after = 'the'): boolean {
  if (singular(next) === next || isActionVerb(next)) return false;
  const terms = tagSentence(`the ${name} ${next} ${/^[a-z]+$/.test(after) ? after : 'the'}`);
  const term = terms.find((t, i) => i > 0 && t.w === next);
  return !!term && term.pos === 'noun' && term.plural;
}

/** The tagger knows the word as a person noun ("analyst", "curator", "treasurer"). */
const actors = remembered(taggedAsActor, 5000);

export function isActor(word: string): boolean {
  return /^[a-z][a-z-]{2,}$/.test(word) && actors(word);
}

function taggedAsActor(word: string): boolean {
  // The lexicon answers most words without parsing; only unknown ones are tagged.
  const tags = lexiconTags(word);
  if (tags.length) return tags.includes('Actor');
  const terms = tagSentence(probeOf(word));
  return terms[1]?.w === word && terms[1].actor;
}

/**
 * Entities named in a fragment, in order: compound keys first ("class sessions" -> ClassSession),
 * then a head word that ends exactly one entity's key ("rooms" -> MeetingRoom), then people words
 * (User, with the role they name).
 */
const mentionCache = new WeakMap<Draft, Map<string, Mention[]>>();
const IRREGULAR = new Set(['people', 'children', 'men', 'women', 'mice', 'geese', 'feet', 'teeth', 'data', 'criteria', 'media', 'staff', 'alumni', 'cacti', 'fungi', 'indices', 'matrices', 'appendices', 'phenomena']);

/** Singular of a word; only plural-looking words ask the tagger. */
function sing(w: string): string {
  return /s$/.test(w) || IRREGULAR.has(w) ? singular(w) : w;
}

export function mentionsIn(ctx: Pick<RuleContext, 'draft' | 'roles' | 'roleWords'>, fragment: string | string[]): Mention[] {
  const ws = typeof fragment === 'string' ? wordsOf(fragment) : fragment;
  // Patterns ask about the same clause many times; the entities do not change while rules are read.
  const key = `${ctx.draft.entities.length}|${ctx.roles.join(',')}|${[...ctx.roleWords].join(',')}|${ws.join(' ')}`;
  let cache = mentionCache.get(ctx.draft);
  if (!cache) mentionCache.set(ctx.draft, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit;
  const found = findMentions(ctx, ws);
  // (Bounded, but room for every clause of a 100 KB text: a cleared cache asks every clause again.)
  if (cache.size > 20000) cache.clear();
  cache.set(key, found);
  return found;
}

/** The last record (not the signed-in user) a fragment names: "the paid invoices of a client" -> client. */
export function lastRecordIn(ctx: Pick<RuleContext, 'draft' | 'roles' | 'roleWords'>, fragment: string | string[]): Mention | undefined {
  return mentionsIn(ctx, fragment).filter((m) => m.entity.name !== 'User').pop();
}

/**
 * The record a subject phrase is about: the head of its noun phrase, before "of", "for", "in"…
 * ("a reservation of a court" -> reservation; "members' bookings" -> booking). Else the last one named.
 */
export function subjectRecordIn(ctx: Pick<RuleContext, 'draft' | 'roles' | 'roleWords'>, fragment: string): Mention | undefined {
  const ws = wordsOf(fragment);
  const records = mentionsIn(ctx, ws).filter((m) => m.entity.name !== 'User');
  const cut = ws.findIndex((w, i) => /^(?:of|for|in|at|on|within|from|with|per|about)$/.test(w) && records.some((m) => m.end < i));
  return (cut >= 0 ? records.filter((m) => m.end < cut) : records).pop() ?? records.pop();
}

function findMentions(ctx: Pick<RuleContext, 'draft' | 'roles' | 'roleWords'>, ws: string[]): Mention[] {
  const out: Mention[] = [];
  const taken = new Array<boolean>(ws.length).fill(false);
  const entities = ctx.draft.entities;
  const index = entityIndex(ctx.draft, spacedKey);
  const byKey = index.last;
  const plainWs = ws.map((w) => w.replace(/-/g, ' '));
  for (let len = Math.min(3, ws.length); len >= 1; len--) {
    for (let start = 0; start + len <= ws.length; start++) {
      if (taken.slice(start, start + len).some(Boolean)) continue;
      const last = plainWs[start + len - 1];
      const pieces = last.split(' ');
      const lastPiece = sing(pieces[pieces.length - 1]);
      // Every key this could be ends with the word's singular or the word as written (one lookup, no strings built).
      if (!index.byHead.has(lastPiece) && !index.byHead.has(pieces[pieces.length - 1])) continue;
      const part = plainWs.slice(start, start + len);
      const lastSingular = [...pieces.slice(0, -1), lastPiece].join(' ');
      const key = [...part.slice(0, -1), lastSingular].join(' ');
      let entity = byKey.get(key) ?? (lastSingular !== last ? undefined : byKey.get([...part.slice(0, -1), last].join(' ')));
      if (!entity && len === 1) {
        // A head word that ends exactly one entity's key: "rooms" for MeetingRoom.
        const ends = key.includes(' ') ? entities.filter((e) => keyOf(e).endsWith(` ${key}`)) : (index.compoundsByHead.get(key) ?? []);
        if (ends.length === 1 && !PEOPLE_WORDS.has(key)) entity = ends[0];
      }
      if (!entity) continue;
      // "I walk max 6 dogs": a record's name right after a subject pronoun is a verb.
      if (len === 1 && start > 0 && /^(i|we|they|you)$/.test(plainWs[start - 1])) continue;
      // "plot inspections": a record's name before another plural noun is a modifier, not the record.
      const next = plainWs[start + len];
      if (next && /^[a-z]{3,}s$/.test(next) && !PEOPLE_WORDS.has(next) && !byKey.has(sing(next)) && pluralNounAfter(part.join(' '), next, plainWs[start + len + 1])) continue;
      for (let i = start; i < start + len; i++) taken[i] = true;
      out.push({ entity, person: PERSON_NOUNS.has(key) || entity.name === 'User', start, end: start + len - 1, plural: lastSingular !== last });
    }
  }
  const user = entities.find((e) => e.name === 'User');
  if (user) {
    for (let i = 0; i < ws.length; i++) {
      if (taken[i]) continue;
      const w = ws[i];
      const s = sing(w);
      const people = PRONOUNS.has(w) || USER_WORDS.has(w) || USER_WORDS.has(s) || PERSON_NOUNS.has(s) || !!STAFF_ROLES[s] || ctx.roleWords.has(s) || PEOPLE_WORDS.has(w) || !!roleOf(ctx, [w]) || (PERSON_SUFFIX.test(s) && isActor(s));
      if (!people) continue;
      // "league admins", "community manager": the role may span two words.
      const two = i > 0 && !taken[i - 1] ? roleOf(ctx, [ws[i - 1], w]) : undefined;
      const role = two ?? roleOf(ctx, [w]);
      const start = two ? i - 1 : i;
      taken[i] = true;
      out.push({ entity: user, role, person: true, start, end: i, plural: s !== w });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The first non-person entity in a fragment (or the first of any kind when `people` is true). */
export function entityIn(ctx: RuleContext, fragment: string | string[], people = false): Mention | undefined {
  return mentionsIn(ctx, fragment).find((m) => people || !m.person || m.entity.name !== 'User');
}

// ------------------------------------------------------------------ fields

const TIME_SUFFIX = new Set(['date', 'at', 'time', 'on', 'day', 'datetime', 'timestamp', 'when']);
const ABBREVIATIONS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  no: 'number', nr: 'number', num: 'number', '#': 'number', hrs: 'hour', hr: 'hour', qty: 'quantity', mins: 'minute', min: 'minute',
  dob: 'birth', licence: 'license', colour: 'color', tel: 'phone', amt: 'amount', pct: 'percent', desc: 'description',
});

function norm(w: string): string {
  const a = ABBREVIATIONS[w] ?? w;
  return a.length > 3 ? singular(a) : a;
}

function oneTypo(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1) return false;
  // Levenshtein distance at most 1, or one swap of neighbours ("recieved").
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1)) return true;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

function sameWords(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((w, i) => oneTypo(w, b[i]));
}

function containsRun(hay: string[], needle: string[]): boolean {
  if (!needle.length || needle.length > hay.length) return false;
  for (let i = 0; i + needle.length <= hay.length; i++) if (needle.every((w, j) => oneTypo(hay[i + j], w))) return true;
  return false;
}

/** A field name's words as fieldScore compares them (abbreviations spelled out, singular); remembered by name. */
const fieldWordsOf = remembered((name: string) => nameWords(name).map(norm), 5000);

/** A phrase's words as fieldScore compares them: without articles, hyphens split, normalised ("of" kept in short phrases). */
function phraseWordsOf(ws: string[]): string[] {
  return stripArticles(ws)
    .flatMap((x) => x.split('-'))
    .map(norm)
    .filter((x) => x !== 'of' || ws.length < 3);
}

/** How well words name a field: 3 exact, 2.5 same apart from a time suffix, 2 one inside the other, 0 none. */
export function fieldScore(field: DraftField, ws: string[]): number {
  const w = phraseWordsOf(ws);
  return w.length ? scoreWords(fieldWordsOf(field.name), w) : 0;
}

/** fieldScore of a field's words `f` and a phrase's words `w` (both normalised; neither is changed). */
function scoreWords(f: string[], w: string[]): number {
  if (sameWords(f, w)) return 3;
  const core = (xs: string[]) => xs.filter((x) => !TIME_SUFFIX.has(x));
  const fc = core(f);
  const wc = core(w);
  if (fc.length && wc.length && sameWords(fc, wc) && (f.length !== fc.length || w.length !== wc.length)) return 2.5;
  if (containsRun(f, w)) return 2 - (f.length - w.length) * 0.1;
  if (containsRun(w, f) && f.length >= 1 && (f.length >= 2 || w[w.length - 1] === f[f.length - 1] || w[0] === f[0])) return 1.8 - (w.length - f.length) * 0.1;
  if (fc.length && wc.length && containsRun(fc, wc)) return 1.6;
  return 0;
}

/** The field of `entity` these words name best (score at least `min`). */
export function fieldIn(entity: DraftEntity, ws: string[], min = 1.5, accept: (f: DraftField) => boolean = () => true): DraftField | undefined {
  const best = bestField(entity, phraseWordsOf(ws), accept);
  return best && best.score >= min ? best.field : undefined;
}

/**
 * The field of `entity` with the highest score for these (normalised) words, the first of equals:
 * what fieldIn gives at any `min` up to that score. undefined when no field is accepted, or the words are none.
 */
function bestField(entity: DraftEntity, w: string[], accept: (f: DraftField) => boolean = () => true): { field: DraftField; score: number } | undefined {
  let best: { field: DraftField; score: number } | undefined;
  for (const field of entity.fields) {
    if (!accept(field)) continue;
    const score = w.length ? scoreWords(fieldWordsOf(field.name), w) : 0;
    if (!best || score > best.score) best = { field, score };
  }
  return best;
}

/** Entities to look for a field on, most likely first: the named ones, the hint, then every other. */
export function candidates(ctx: RuleContext, named: DraftEntity[]): DraftEntity[] {
  const out: DraftEntity[] = [];
  const push = (e: DraftEntity | undefined) => {
    if (e && !out.includes(e)) out.push(e);
  };
  named.forEach(push);
  push(ctx.draft.entities.find((e) => e.name === ctx.hint));
  // Entities whose fields came from this very sentence (a table or list describing them).
  ctx.draft.entities.filter((e) => e.fields.some((f) => f.sources.has(ctx.sentence.id))).forEach(push);
  ctx.draft.entities.filter((e) => e.name !== 'User').forEach(push);
  push(ctx.draft.entities.find((e) => e.name === 'User'));
  return out;
}

export interface FieldHit {
  entity: DraftEntity;
  field?: DraftField;
  /** The words that name the field (entity words removed). */
  words: string[];
  /** No field was found and the entity is only a guess (not named in the phrase, the clause or the heading). */
  guessed?: boolean;
  /** The phrase itself named the entity ("a term's end date", "the date the order was received"). */
  explicit?: boolean;
}

/**
 * A field named by a phrase: "the end date of a season", "a term's end date", "booking start",
 * "its start date", "kg". The entity comes from the phrase itself, else from `named` and the
 * context; a field no entity has is returned without `field` (entity = the best guess).
 */
export function locateField(ctx: RuleContext, phrase: string, named: DraftEntity[] = [], accept?: (f: DraftField) => boolean): FieldHit | undefined {
  let ws = stripArticles(wordsOf(phrase)).filter((w) => !/^(the|a|an)$/.test(w));
  if (!ws.length) return undefined;
  let owner: DraftEntity | undefined;
  let unsure = false;
  const of = ws.lastIndexOf('of');
  if (of > 0 && of < ws.length - 1) {
    // "the reference number of a household" (but not "number of seats" on its own).
    const after = mentionsIn(ctx, ws.slice(of + 1)).find((m) => m.entity.name !== 'User' || m.person);
    if (after) {
      owner = after.entity;
      ws = ws.slice(0, of);
    } else if (!ctx.draft.entities.some((e) => fieldIn(e, ws, 2.5, accept))) {
      // "of a household" where no household is stored: the field is the part before "of", its record unknown.
      ws = ws.slice(0, of);
      unsure = true;
    }
  }
  // A field named exactly somewhere named or nearby wins over reading the first word as its record.
  if (!owner) {
    for (const entity of candidates(ctx, named).slice(0, named.length + 2)) {
      const exact = fieldIn(entity, ws, 3, accept);
      if (exact) return { entity, field: exact, words: ws };
    }
  }
  if (!owner) {
    // "a term's end date", "booking end", "the shift's start time" (not "account code": people words are no record here).
    const m = mentionsIn(ctx, ws.slice(0, -1)).find((x) => x.start === 0 && x.entity.name !== 'User');
    if (m && m.end < ws.length - 1) {
      const rest = ws.slice(m.end + 1);
      if (!fieldIn(m.entity, ws, 2.5, accept)) {
        owner = m.entity;
        ws = rest;
      }
    }
  }
  ws = stripArticles(ws);
  if (!ws.length) return undefined;
  const pool = owner ? [owner] : candidates(ctx, named);
  if (!unsure) {
    // Each entity's best field, scored once: an exact name anywhere wins over a near one nearby.
    const w = phraseWordsOf(ws);
    const bests = pool.map((entity) => bestField(entity, w, accept));
    for (const min of [3, 2.5, 1.8, 1.5]) {
      const at = bests.findIndex((best) => best !== undefined && best.score >= min);
      if (at >= 0) return { entity: pool[at], field: bests[at]!.field, words: ws, explicit: pool[at] === owner };
    }
  }
  if (unsure) return { entity: pool[0], words: ws, guessed: true };
  const sure = owner ?? named[0] ?? ctx.draft.entities.find((e) => e.name === ctx.section);
  return { entity: sure ?? pool[0], words: ws, guessed: !sure, explicit: !!owner };
}
