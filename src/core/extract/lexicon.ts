// Word lists and a tiny tokenizer. Deliberately small: the extractor is heuristic and says so
// in its warnings; these lists hold the vocabulary its patterns need, nothing domain-specific.
import { singularizeWord } from '../../model/project/naming';
import { singularNoun } from './nlp';
import { remembered } from './remembered';
import { inflectedSingular } from './tagger';

export interface Token {
  /** Lower-case word, number or punctuation character. */
  w: string;
  kind: 'word' | 'num' | 'punct';
}

/** Words (letters, digits, inner hyphens/apostrophes), numbers and single punctuation marks. */
export function tokenize(plain: string): Token[] {
  const tokens: Token[] = [];
  const re = /[a-z][a-z0-9]*(?:['-][a-z0-9]+)*|\d+(?:[.,]\d+)?|[^\sa-z0-9]/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(plain)) !== null) {
    const w = match[0];
    tokens.push({ w, kind: /^[a-z]/.test(w) ? 'word' : /^\d/.test(w) ? 'num' : 'punct' });
    if (tokens.length > 600) break;
  }
  return tokens;
}

// The passes ask for the same words' singulars again and again; bounded like the tagger's cache.
const MAX_SINGULARS = 5000;
const singulars = remembered(singularOf, MAX_SINGULARS);

/** Singular of a noun, irregular plurals included (people, children, analyses, buses). */
export function singular(word: string): string {
  return singulars(word);
}

function singularOf(word: string): string {
  if (word.length <= 3) return word;
  const irregular = IRREGULAR_PLURALS[word];
  if (irregular) return irregular;
  // Only "-es" plurals are ambiguous enough to ask the tagger (analyses, buses, diagnoses);
  // the regular rules answer the rest, which keeps extraction fast.
  // ("skus", "menus" end like "status" and "campus": the tagger tells them apart too.)
  if (!/^[a-z][a-z-]*(?:es|us)$/.test(word)) return singularizeWord(word);
  const lemma = singularNoun(word);
  return lemma && lemma.length >= 2 ? lemma : singularizeWord(word);
}

/** English plurals that do not end in -s. */
const IRREGULAR_PLURALS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  people: 'person', children: 'child', men: 'man', women: 'woman', feet: 'foot', teeth: 'tooth', geese: 'goose', mice: 'mouse',
  criteria: 'criterion', phenomena: 'phenomenon', data: 'data', media: 'media', alumni: 'alumnus', cacti: 'cactus', fungi: 'fungus',
  oxen: 'ox', lice: 'louse', dice: 'die', staff: 'staff', personnel: 'personnel', sheep: 'sheep', fish: 'fish', deer: 'deer',
  aircraft: 'aircraft', series: 'series', species: 'species', news: 'news',
  // (The tagger reads "lives" as the verb's form and answers "live".)
  lives: 'life',
  // (The tagger answers "buss", "gass", "cano", "to", "dy": a doubled s, and -oe or -ie nouns, are not "-es" plurals.)
  busses: 'bus', gasses: 'gas', canoes: 'canoe', toes: 'toe', oboes: 'oboe', foes: 'foe', dies: 'die',
});

/** The singular an English plural that does not follow the rules has ("people" -> "person"), if it is one. */
export function irregularSingular(word: string): string | undefined {
  return IRREGULAR_PLURALS[word];
}

/**
 * Whether a word is shaped like a regular plural, without asking the tagger: an s after a consonant, an
 * e or a y ("books", "boxes", "days"). "status", "analysis", "class" (-us, -is, -ss) only end like one;
 * so do names and loanwords in -as and -os ("Texas", "Carlos", "canvas", "chaos"), which leaves a few
 * plurals ("Photos", "Ideas") to the tagger's own reading.
 */
export function looksPlural(word: string): boolean {
  return /[bcdefghjklmnpqrtvwxyz]s$/i.test(word);
}

/**
 * A plural's singular without a parse (for the tagger's corrections, which run while sentences are
 * being tagged, and must not depend on what is tagged already): the irregular plurals the extractor
 * knows, else compromise's inflection rules.
 */
export function singularByRule(word: string): string {
  return irregularSingular(word) ?? inflectedSingular(word);
}

export function isPlural(word: string): boolean {
  return singular(word) !== word;
}

/** A lookup table without Object.prototype, so words like "constructor" find nothing. */
export function lookup<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

const set = (text: string) => new Set(text.split(/\s+/).filter(Boolean));

export const DETERMINERS = set(
  'a an the each every any some all its their his her my your our this that these those one no another other many several multiple few new own',
);

/** Words that can never head an entity name (app furniture, API and UI words, generic nouns). */
// Domain words that are often records (class, group, case, term, label, section,
// area) are not listed: the grammar decides from how they are used.
export const NON_ENTITY = set(`
  step steps field fields attribute attributes characteristic characteristics metre metres meter meters kilometre kilometres km kms mile miles gram grams kilogram kilograms kg kgs litre litres liter liters euro euros cent cents dollar dollars percent hectare hectares acre acres degree degrees inch inches centimetre centimetres cm mm second seconds
  app apps system systems site sites website websites web page pages screen screens button buttons link
  form forms   input inputs list lists table tables database databases db server servers backend frontend api apis
  endpoint endpoints body json html css javascript js typescript node python code codes error errors token tokens
  cookie cookies header headers parameter parameters query queries path paths format formats string strings number numbers integer
  integers array arrays object objects value values time times date dates data information thing things way ways feature features
  functionality story stories bonus option options version versions view views click clicks mode modes state states  
  key keys word words minute minutes hour hours day days week weeks month months year years top bottom left right everything anything
  nothing something result results total totals amount amounts lot lots kind kinds type types part parts place places  
  example examples mvp stack framework frameworks library libraries tool tools platform platforms service services function functions
  method methods status statuses success failure detail details name names title titles text texts id ids url urls
  home layout design style styles color colors icon icons image images picture pictures menu menus bar bars panel panels card cards
  modal modals dialog dialogs tab tabs column columns row rows checkbox checkboxes   content contents  
    end start top-rated set sets   level levels size sizes order-by sort filter filters search searches
  event-handler handler handlers localstorage storage memory file files folder folders directory directories csv pdf response-format
  browser browsers device devices user-benefit purpose goal goals requirement requirements constraint constraints developer developers
  implementation implementations interface interfaces flow flows process processes  action actions operation operations manner
  management support ability access experience overview summary environment environments entry-point   reason reasons
  role roles privilege privileges function administration interaction interactions confirmation pagination markdown editor-page
  datum information info jwt jwts crud blog blogs forum forums shop shops tracker trackers clone clones software scheduler planner portal get post-request put delete patch focus blur enter escape tag-name hint hints tier tiers input-box one two three
  `);

/** Generic words for the people using the app: they map to the User entity, never an entity of their own. */
export const USER_WORDS = set('user users people person persons someone everyone anyone visitor visitors buddy buddies account accounts you they we');

/**
 * Places a business is run from: "the shop owner", "the restaurant owner" is the person who owns the
 * business and signs in as its owner; "the owner" alone, or "the listing owner", owns a row.
 */
export const BUSINESS_PLACES = /^(?:shop|store|business|restaurant|cafe|bar|pub|gym|clinic|salon|studio|workshop|garage|hotel|company|farm|bakery|venue|practice|agency|firm|club|kitchen|franchise|boutique|spa|pharmacy|academy)$/;

/** Roles that exist to run the app (their presence implies sign-in). Plural/spelling variants map to the key. */
export const STAFF_ROLES: Record<string, string> = lookup({
  admin: 'admin', administrator: 'admin', superuser: 'admin', moderator: 'moderator', librarian: 'librarian',
  receptionist: 'receptionist', organizer: 'organizer', organiser: 'organizer', coordinator: 'coordinator', manager: 'manager',
  editor: 'editor', staff: 'staff', owner: 'owner', operator: 'operator', cashier: 'cashier', clerk: 'clerk',
});

/** Nouns for a body of people that take a plural verb in the singular ("staff record deliveries"). */
export const COLLECTIVE_PEOPLE = new Set(['staff', 'crew', 'personnel', 'management', 'faculty']);

/** People nouns that can be either a role (if they sign in) or an entity (if they are records). */
export const PERSON_NOUNS = set(`
  customer member patient doctor student teacher employee attendee author buyer seller merchant respondent guest client player
  reader writer volunteer tenant agent driver participant subscriber instructor tutor vendor host traveler traveller passenger
  candidate applicant contributor speaker
  coach nurse vet intern mechanic technician cleaner courier dispatcher
  steward stewardess warden umpire mistress headmistress waitress hostess actress`);

/** A verb's forms: base, -s, -ed and -ing ("book" -> books, booked, booking). */
export const verbForms = (base: string[]): Set<string> => {
  const out = new Set<string>();
  for (const verb of base) {
    out.add(verb);
    const stem = verb.endsWith('e') ? verb.slice(0, -1) : verb;
    out.add(/(s|sh|ch|x)$/.test(verb) ? verb + 'es' : /[^aeiou]y$/.test(verb) ? verb.slice(0, -1) + 'ies' : verb + 's');
    out.add(/[^aeiou]y$/.test(verb) ? verb.slice(0, -1) + 'ied' : stem + 'ed');
    out.add(stem + 'ing');
  }
  return out;
};

/** Verbs whose objects are things the app stores (their plural objects are entity candidates). */
export const CREATE_VERBS = verbForms([
  'create', 'add', 'post', 'write', 'start', 'book', 'submit', 'upload', 'publish', 'place', 'leave', 'define', 'enter', 'record',
  'track', 'store', 'manage', 'schedule', 'save', 'borrow', 'reserve', 'log', 'organize', 'organise', 'edit', 'delete', 'update',
  'remove', 'list', 'browse', 'share', 'keep', 'maintain', 'register', 'issue', 'open', 'send', 'rate', 'review', 'assign',
  'catalog', 'catalogue', 'collect', 'plan', 'follow', 'favorite', 'bookmark', 'buy', 'order', 'sell', 'retrieve', 'view', 'see',
  'search', 'display', 'show', 'manage',
]);
/** Verbs whose plural objects are strong evidence of a stored record on their own. */
export const STRONG_OBJECT_VERBS = verbForms([
  'create', 'add', 'post', 'write', 'book', 'upload', 'publish', 'record', 'track', 'store', 'manage', 'schedule', 'borrow', 'reserve',
  'log', 'organize', 'organise', 'edit', 'delete', 'update', 'remove', 'list', 'browse', 'maintain', 'catalog', 'catalogue', 'collect',
  'buy', 'sell', 'rate', 'review', 'follow', 'favorite', 'bookmark', 'place', 'leave', 'plan', 'crud',
]);
/** The subset of CREATE_VERBS that make a new row owned by the subject ("users post recipes"). */
export const AUTHOR_VERBS = verbForms(['create', 'add', 'post', 'write', 'start', 'book', 'submit', 'upload', 'publish', 'place', 'leave', 'define', 'enter', 'record', 'log', 'open', 'send', 'share', 'plan', 'make']);

export const MODALS = set("can could will would should must may might cannot can't to not also then and or only never always");

/** Verbs of only looking at records ("members can only see songs", "… only check songs"): a role limited to them
 *  signs in (auth.ts) and leaves changing those records to the other roles (rules/rolesMay.ts). A regexp group. */
export const SEEING_VERBS = String.raw`(?:see|view|read|browse|look at|look through|check)`;

/** Field-ish head words: a "(a, b, c)" after them is an enum, not a field list. */
export const ENUM_HEADS = set('status state priority type kind level severity category size gender mode difficulty stage phase role condition frequency visibility');

/** Words that make a bullet or list item not a data field. */
export const NOT_FIELD = set('button buttons password passwords etc link links icon menu click page section tab modal checkbox action actions token cookie');

/** Verbs that name a row ("users vote on items" -> Vote). Maps verb -> entity head noun. */
export const ACTION_NOUNS: Record<string, string> = lookup({
  follow: 'follow', favorite: 'favorite', favourite: 'favorite', vote: 'vote', rate: 'rating', bookmark: 'bookmark',
  comment: 'comment', reply: 'reply', review: 'review', register: 'registration', enroll: 'enrollment', enrol: 'enrolment',
  subscribe: 'subscription', book: 'booking', borrow: 'loan', rent: 'rental', like: 'like', apply: 'application', attend: 'attendance',
});

export function titleCaseFirst(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** Heads that never name a stored record, even in a compound ("booking page", "api endpoint"). */
export const NEVER_RECORD_HEADS = new Set(
  'page pages screen screens button buttons app apps system systems website websites site sites api apis endpoint endpoints form forms view views tab tabs modal modals menu menus link links dashboard dashboards email emails notification notifications reminder reminders chart charts graph graphs server servers database databases backend frontend json html css code codes token tokens cookie cookies header headers parameter parameters query queries feature features functionality requirement requirements thing things way ways information info data stuff something anything everything nothing forum forums blog blogs shop shops tracker trackers manager planner portal platform platforms tool tools software scheduler clone service services'.split(' '),
);

/** Generic heads that name a record once a noun qualifies them ("fitness class", "report card", "waiting list entry"). */
const COMPOUND_HEADS = new Set('class group card entry request item line record slot session period unit set log plan case order note sheet form report url link'.split(' '));

/** Words that name parts of a requirements document ("Rules:", "## Notes"), as a regex alternation. */
export const DOCUMENT_PART_WORDS = String.raw`rules?|notes?|requirements?|features?|constraints?|roles?|pages?|screens?|goals?|todo|bonus|optional|extras?|misc`;

/** Whether a compound key may name a record although its head alone is too generic ("fitness class", "report card"). */
export function genericHeadAllowed(key: string): boolean {
  const words = key.split(' ');
  return words.length > 1 && COMPOUND_HEADS.has(words[words.length - 1]);
}

/** Nouns that name what the app shows or sends, not rows it stores. */
export const NOT_STORED = new Set([
  'dashboard', 'report', 'reminder', 'notification', 'alert', 'email', 'e-mail', 'mail', 'sms', 'overview', 'summary', 'statistic',
  'chart', 'graph', 'login', 'logout', 'password', 'account', 'profile', 'history', 'welcome', 'homepage', 'home', 'screen', 'page',
  'app', 'system', 'website', 'site', 'platform', 'software', 'tool', 'feature', 'button', 'link', 'list', 'detail',
  'information', 'info', 'data', 'record', 'entry', 'thing', 'item', 'stuff', 'way', 'ability', 'option', 'access', 'time', 'number',
  'total', 'count', 'amount', 'rest', 'lot', 'kind', 'type', 'sort', 'set', 'part', 'end', 'start', 'day', 'week', 'month', 'year',
  'hour', 'minute', 'moment', 'today', 'tomorrow', 'everything', 'anything', 'nothing', 'something', 'overview', 'search', 'filter',
  'view', 'form', 'field', 'status', 'state', 'name', 'title', 'description', 'note', 'reason', 'purpose', 'goal', 'need', 'benefit',
  'problem', 'issue-tracker', 'exercise', 'money', 'help', 'support', 'use', 'example', 'sign', 'signup', 'registration-form',
  'message-box', 'calendar-view', 'admin', 'role', 'permission', 'spreadsheet', 'excel', 'paper', 'phone-call', 'call', 'click',
  'export', 'import', 'pdf', 'csv', 'print', 'printout', 'chance', 'possibility', 'fact', 'process', 'step', 'change', 'update',
  'morning', 'afternoon', 'evening', 'night', 'weekend', 'mistake', 'error', 'problem', 'question', 'idea', 'thought', 'time',
  // Units of measure name how a value is counted.
  'metre', 'meter', 'kilometre', 'kilometer', 'km', 'mile', 'gram', 'kilogram', 'kg', 'litre', 'liter', 'euro', 'cent', 'dollar', 'pound',
  'percent', 'percentage', 'hectare', 'acre', 'degree', 'inch', 'centimetre', 'centimeter', 'cm', 'mm', 'second', 'watt', 'kwh',
]);

/** Nouns that name a kept group of things: "a fleet of vehicles", "a deck of cards" (recordCues, clauseEvidence). */
export const COLLECTION_WORDS = 'set|fleet|series|collection|deck|pool|stock|pack|herd|flock|library|portfolio|register|roster|catalog|catalogue';
