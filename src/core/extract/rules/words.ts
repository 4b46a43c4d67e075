// Small text helpers the rule patterns share: words of a fragment, numbers written as digits or
// words, verbs mapped to the actions they perform, and the vocabulary of limits and units.
import { singular } from '../lexicon';

const NUMBER_WORDS: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12, once: 1, single: 1,
});

/** A number written "12", "1,200", "2.5" or "twelve"; undefined for anything else. */
export function parseNumber(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const t = text.trim().toLowerCase().replace(/^an? /, '');
  if (/^\d{1,3}(?:,\d{3})+$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  return NUMBER_WORDS[t];
}

/** Regex source of a number: digits or a number word. */
export const NUMBER = String.raw`(?:\d+(?:[.,]\d+)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|a dozen)`;

/**
 * Regex source of a past participle: regular (-ed) and the endings of irregular ones (paid, sold,
 * sent, built, held, hung, bought, done, made, shown, torn), for states written as participles.
 */
export const PARTICIPLE = String.raw`[a-z]+(?:ed|en|t|ne|aid|old|eld|ung|ught|ade|own|orn)`;

/** Lower-case words of a fragment; possessive 's and punctuation dropped, hyphens kept inside words. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[a-z0-9]+(?:[-'][a-z0-9]+)*/g) ?? [])
    .map((w) => w.replace(/'s$/, '').replace(/'$/, ''))
    .filter(Boolean);
}

export const ARTICLES = new Set(['a', 'an', 'the', 'each', 'every', 'any', 'its', 'their', 'his', 'her', 'my', 'your', 'our', 'this', 'that', 'these', 'those', 'same', 'one', 'single', 'given', 'there', 'own']);

/** Drops determiners and possessives at the start of a phrase ("the member's" -> "member"). */
export function stripArticles(ws: string[]): string[] {
  let i = 0;
  while (i < ws.length && ARTICLES.has(ws[i])) i++;
  return ws.slice(i);
}

/** Singular of the last word of a phrase, the others as written. */
export function singularKey(ws: string[]): string {
  if (!ws.length) return '';
  return [...ws.slice(0, -1), singular(ws[ws.length - 1])].join(' ');
}

export type Action = 'create' | 'read' | 'update' | 'delete';

const C: Action[] = ['create'];
const U: Action[] = ['update'];
const D: Action[] = ['delete'];
const R: Action[] = ['read'];
const CUD: Action[] = ['create', 'update', 'delete'];
/** What each verb does to a record. Cancelling and withdrawing are both an update and a delete. */
const VERB_ACTIONS: Record<string, Action[]> = Object.assign(Object.create(null) as Record<string, Action[]>, {
  create: C, add: C, record: C, enter: C, schedule: C, register: C, submit: C, post: C, book: C, log: C, issue: C, make: C, write: C,
  upload: C, place: C, reserve: C, rent: C, borrow: C, plan: C, put: C, file: C, raise: C, report: C, apply: C, request: C, define: C,
  open: C, take: C, import: C, order: C, enroll: C, enrol: C, join: C, attend: C, bid: C, vote: C, rate: C, comment: C, buy: C, purchase: C,
  edit: U, update: U, change: U, modify: U, move: U, set: U, mark: U, approve: U, reject: U, verify: U, accept: U, decline: U,
  assign: U, close: U, resolve: U, reopen: U, confirm: U, complete: U, finish: U, tick: U, rename: U, adjust: U, correct: U, grade: U,
  archive: U, reschedule: U, transfer: U, allocate: U, inspect: U, price: U, publish: U, amend: U, fix: U,
  cancel: ['update', 'delete'], withdraw: ['update', 'delete'],
  delete: D, remove: D, erase: D, discard: D, destroy: D,
  // Phrasal verbs whose particle changes the action ("write off a costume" is no writing; verbPhrases joins them).
  'write off': D, 'take down': D,
  see: R, view: R, read: R, access: R, look: R, browse: R, list: R, download: R,
  manage: CUD, maintain: CUD, administer: CUD, administrate: CUD, handle: CUD, control: CUD, crud: CUD, run: CUD,
});

/** Lemma of a verb as written ("edited" -> "edit", "cancels" -> "cancel", "set" -> "set"). */
const IRREGULAR_PARTICIPLES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { made: 'make', taken: 'take', written: 'write', seen: 'see', rewritten: 'write', undone: 'undo' });

export function verbLemma(word: string): string {
  const w = word.toLowerCase();
  if (VERB_ACTIONS[w]) return w;
  if (IRREGULAR_PARTICIPLES[w] && VERB_ACTIONS[IRREGULAR_PARTICIPLES[w]]) return IRREGULAR_PARTICIPLES[w];
  const candidates = [
    w.replace(/(.)\1ed$/, '$1'), w.replace(/(.)\1ing$/, '$1'), w.replace(/ied$/, 'y'), w.replace(/ies$/, 'y'), w.replace(/ing$/, ''),
    w.replace(/ing$/, 'e'), w.replace(/ed$/, ''), w.replace(/ed$/, 'e'), w.replace(/d$/, ''), w.replace(/es$/, ''), w.replace(/s$/, ''),
  ];
  return candidates.find((c) => c !== w && VERB_ACTIONS[c]) ?? w;
}

/**
 * The actions a list of verbs performs on a record. For a refusal ("can't be cancelled once …")
 * cancelling is only a delete: refusing every update would also refuse ordinary edits.
 */
export function actionsOf(verbs: string[], kind: 'permission' | 'refusal' = 'permission'): Action[] {
  const out = new Set<Action>();
  for (const raw of verbs) {
    const v = verbLemma(raw);
    const actions = VERB_ACTIONS[v] ?? [];
    for (const a of actions) if (!(kind === 'refusal' && (v === 'cancel' || v === 'withdraw') && a === 'update')) out.add(a);
  }
  return (['create', 'read', 'update', 'delete'] as Action[]).filter((a) => out.has(a));
}

/** Drops "sign in", "log in", "sign up": signing in is not an action on a record. */
export function withoutSignIn(text: string): string {
  return text.replace(/\b(?:sign|signs|signed|signing|log|logs|logged|logging)\s+(?:in|on|up|out|off)\b/g, ' ');
}

/** The phrasal verb a verb and the particle after it make ("writes" + "off" -> "write off"), when it is an action of its own. */
export function phrasalVerb(verb: string, particle: string): string | undefined {
  const phrasal = `${verbLemma(verb)} ${particle}`;
  return VERB_ACTIONS[phrasal] ? phrasal : undefined;
}

/** Whether a word is a verb this module knows as an action on records. */
export function isActionVerb(word: string): boolean {
  return !!VERB_ACTIONS[verbLemma(word)];
}

/** Units after a number: "4 hours", "30 min", "50%" name a measured value, not counted records. */
export const UNITS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  minute: 'minutes', minutes: 'minutes', min: 'minutes', mins: 'minutes', hour: 'hours', hours: 'hours', hr: 'hours', hrs: 'hours', h: 'hours',
  day: 'days', days: 'days', week: 'weeks', weeks: 'weeks', month: 'months', months: 'months', year: 'years', years: 'years',
  kg: 'kg', kilo: 'kg', kilos: 'kg', kilogram: 'kg', kilograms: 'kg', g: 'g', gram: 'g', grams: 'g', km: 'km', kilometre: 'km', kilometres: 'km', kilometer: 'km', kilometers: 'km',
  m: 'm', metre: 'm', metres: 'm', meter: 'm', meters: 'm', '%': 'percent', percent: 'percent', per_cent: 'percent', eur: 'money', euro: 'money', euros: 'money',
  dollar: 'money', dollars: 'money', usd: 'money', gbp: 'money', pound: 'money', pounds: 'money', l: 'litres', litre: 'litres', litres: 'litres', liter: 'litres', liters: 'litres',
  point: 'points', points: 'points', star: 'points', stars: 'points', character: 'characters', characters: 'characters', chars: 'characters', letter: 'characters', letters: 'characters',
});

/** Periods a limit can be "per": such limits count rows per time window, which capacity cannot. */
export const PERIODS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'hour', 'hours', 'night', 'nights', 'shift', 'shifts', 'season', 'seasons', 'term', 'terms', 'weekend', 'session', 'sessions', 'visit', 'time', 'once']);

/** Words that name the people using the app rather than records. */
export const PEOPLE_WORDS = new Set(['people', 'person', 'persons', 'participant', 'participants', 'attendee', 'attendees', 'guest', 'guests', 'visitor', 'visitors', 'user', 'users', 'member', 'members', 'player', 'players', 'customer', 'customers', 'student', 'students', 'child', 'children', 'kid', 'kids', 'volunteer', 'volunteers', 'patient', 'patients', 'passenger', 'passengers', 'client', 'clients', 'learner', 'learners', 'runner', 'runners', 'rider', 'riders', 'diner', 'diners']);

/** Nouns of the rows that record someone taking a place (what a capacity usually counts). */
export const PLACE_ROWS = /^(booking|reservation|registration|enrollment|enrolment|attendance|sign up|signup|sign-up|ticket|entry|participation|place|seat|spot|slot booking|rental|loan|assignment|appointment|visit|application|subscription|membership|order)$/;

/** Words after "no"/"full" etc. that are part of a field name, not a limit ("full name"). */
export const FULL_FIELD = /\bfull[- ](?:name|names|address|text|time|day|description|price|details?|report|list|access|refund|access|width|screen|stop)\b/;
