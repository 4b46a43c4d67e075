// Nouns that a cue made candidates but that the text shows are not records: the organisation the
// app is for, words never used as nouns, acronyms of systems, identifiers written as code.
import { pluralizeWord } from '../../model/project/naming';
import { knownNoun } from './knowledge';
import { tagSentence, type Term } from './nlp';
import { analyze, type Clause } from './grammar';
import { ACTION_NOUNS, singular } from './lexicon';
import type { SentenceInfo } from './sentences';
import { namedOnlyInBenefits } from './storyBenefit';
import { transactionOf } from './nlpEvidence';
import { theHouseRules } from './houseRules';
import { APP_WORDS as APP_WORD_LIST } from './appPurpose';

/** Whether the text writes a plural of `key` that the simple rule does not spell ("shelves" for shelf, "analyses"). */
export function irregularPluralWritten(text: string, key: string, pattern: (stem: string) => RegExp): boolean {
  const stem = key.slice(0, Math.max(3, key.length - 2));
  for (const match of text.matchAll(pattern(stem))) {
    const word = (match[1] ?? match[0]).toLowerCase();
    if (word !== key && singular(word) === key) return true;
  }
  return false;
}

/** The names the text shows are no records, in the order they are cheapest to check. */
export function notARecord(key: string, sentences: SentenceInfo[]): boolean {
  return neverANoun(key, sentences) || writtenAsAcronym(key, sentences) || writtenAsCode(key, sentences) || onlyProduced(key, sentences) || namedOnlyInBenefits(key, sentences) || saidNotARecord(key, sentences) || namedOnlyInExamples(key, sentences) || onlyCounted(key, sentences) || theHouseRules(key, sentences) || onlyCallsToMachines(key, sentences) || theSoftwareItself(key, sentences);
}

/**
 * "Write an application that keeps …", "the web application should load quickly", "the CelO application":
 * an application is the software being described unless the text treats it as a thing people send in and
 * someone decides on - "candidates submit applications", "each application has a cover letter", "an
 * application for a scholarship", "loan applications".
 */
function theSoftwareItself(key: string, sentences: SentenceInfo[]): boolean {
  const words = key.split(' ');
  if (words[words.length - 1] !== 'application') return false;
  if (words.length > 1) return SOFTWARE_KINDS.test(words[words.length - 2]) || sentences.some((s) => new RegExp(String.raw`\b[A-Z][\w-]*\s+${words[words.length - 2]}\s+applications?\b`).test(s.text));
  return !sentences.some((s) => !s.heading && APPLICATIONS_SENT_IN.some((pattern) => pattern.test(s.plain)));
}
const SOFTWARE_KINDS = /^(?:web|mobile|desktop|software|android|ios|iphone|native|hybrid|cloud|saas|client|server|frontend|backend|react|node|java|python|spring|rails|django|page|single|console|cli|terminal|windows|linux|mac|macos|phone|tablet|browser|wiki|chat|demo|sample|whole|entire|new|simple|small|full|complete|main|same|current)$/;
const APPLICATIONS_SENT_IN = [
  /\b(?:each|every|per)\s+(?:[a-z-]+\s+)?application\b/,
  /\b(?:an|one)\s+(?:[a-z-]+\s+)?application\s+(?:has|includes|contains|consists|lists|needs|requires|belongs|must have|should have|can have)\b/,
  /\bappl(?:y|ies|ied|ying)\s+(?:for|to)\s+(?![a-z]+ing\b)[a-z]/,
  // (Listed with their values: "Applications (applicant, program, …)", "- Applications: applicant, job".)
  /\bapplications\s*[(:]|\bapplications\s+with\b/,
  /\b(?:submit|submits|submitted|submitting|file|files|filed|lodge|lodges|lodged|withdraw|withdraws|withdrawn|approve|approves|approved|approving|reject|rejects|rejected|rejecting|accept|accepts|accepted|accepting|decline|declines|declined|process|processes|processed|assess|assesses|assessed|evaluate|evaluates|evaluated|screen|screens|screened|shortlist|shortlists|shortlisted|review|reviews|reviewed|reviewing|receive|receives|received)\s+(?:(?:the|their|his|her|its|an|all|new|pending|incoming|open|several|multiple)\s+)?(?:[a-z-]+\s+)?applications?\b/,
  /\bapplications?\s+(?:is|are|was|were|can be|may be|must be)\s+(?:approved|rejected|accepted|declined|submitted|withdrawn|reviewed|pending|processed)\b/,
  /\bapplications?\s+(?:for|to)\s+(?:a|an|the|their|each|one)\s+(?![a-z]+ing\b)[a-z]/,
  /\bapplications\s+(?:for|to)\s+(?![a-z]+ing\b)[a-z]+s\b/,
];

/**
 * "The app sends requests to the server", "up to 100 requests per minute", "each request to the API is
 * logged": requests named only where a machine receives them, or at a rate, are calls, not a record
 * people submit ("staff submit requests", "leave requests").
 */
function onlyCallsToMachines(key: string, sentences: SentenceInfo[]): boolean {
  if (key !== 'request') return false;
  const named = sentences.filter((s) => /\brequests?\b/.test(s.plain));
  return named.length > 0 && named.every((s) => MACHINE_CONTEXT.test(s.plain));
}
const MACHINE_CONTEXT = /\b(?:server|servers|api|apis|endpoints?|https?|backend|hub|gateway|service|services|network|browser|client app|per (?:second|minute|hour)|rate limit|timeout|json|url|logged)\b/;

/**
 * "worth a number of points between 1 and 1000", "points from 0 to 10", "players score the points",
 * "declined at any point": a noun the text measures with a range, and otherwise only scores, is the
 * unit of a value (a field with a minimum and a maximum), not a thing the app keeps. (Numbers count
 * things too: "40 drivers and 5 mechanics", "consists of any number of branches".)
 */
export function onlyCounted(key: string, sentences: SentenceInfo[]): boolean {
  if (key.includes(' ')) return false;
  const noun = `(?:${key}|${pluralizeWord(key)})`;
  const mention = new RegExp(String.raw`\b${noun}\b`, 'g');
  // (The range after the plural, the unit: "a rating from 1 to 5" may well be a record.)
  const uses = [
    new RegExp(String.raw`\b${pluralizeWord(key)}\s+(?:from\s+\d+\s+to\s+\d+|between\s+\d+\s+and\s+\d+|out\s+of\s+\d+)`, 'g'),
    new RegExp(String.raw`\b(?:score|scores|scored|earn|earns|earned|award|awards|awarded|gain|gains|gained|lose|loses|lost|collect|collects|collected)\s+(?:the\s+|their\s+|\d+\s+)?${noun}\b`, 'g'),
    new RegExp(String.raw`\bat\s+(?:any|some|this|that|one|which)\s+${noun}\b`, 'g'),
  ];
  let mentions = 0;
  let measured = 0;
  for (const sentence of sentences) {
    if (sentence.heading) continue;
    const found = sentence.plain.match(mention)?.length ?? 0;
    if (!found) continue;
    const counts = uses.map((use) => sentence.plain.match(use)?.length ?? 0);
    if (counts.reduce((a, b) => a + b, 0) < found) return false;
    mentions += found;
    measured += counts[0];
  }
  return mentions > 0 && measured > 0;
}

/** A sentence that gives an example ("For example, a wedding may have …", "E.g. one oil painting …"). */
const EXAMPLE_SENTENCE = /^(?:(?:for example|for instance|as an example|to give an example)\b|e\.\s?g\.)/;
/** Examples in brackets inside another sentence ("a kind of event (e.g., wedding, prom)"). */
const EXAMPLE_BRACKETS = /\((?:e\.\s?g\.|for example|for instance|such as)[^()]*\)/g;
/** Examples after "such as" in the running text ("other rooms such as a gym, which …", "vehicles, such as trucks and vans"):
 *  up to three words an item, items joined by commas, "and", "or"; a relative pronoun or a verb ends them. */
const SUCH_AS_ITEM = String.raw`(?:(?:a|an|the)\s+)?(?!(?:which|who|that|where)\b)[a-z-]+(?:\s+(?!(?:and|or|which|who|that|where|is|are|was|were|can|may|must|will|have|has|also)\b)[a-z-]+){0,2}`;
const EXAMPLES_SUCH_AS = new RegExp(String.raw`\bsuch as\s+${SUCH_AS_ITEM}(?:\s*(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)${SUCH_AS_ITEM})*`, 'g');

/**
 * "For example, a wedding may have a task to book a band": a noun the text names only inside its
 * examples (or in brackets of examples) is one instance of a record (an event, an item), not a kind
 * of record of its own.
 */
export function namedOnlyInExamples(key: string, sentences: SentenceInfo[]): boolean {
  const words = key.split(' ');
  const head = words[words.length - 1];
  const noun = new RegExp(String.raw`\b${words.slice(0, -1).map((w) => `${w}[\\s-]+`).join('')}(?:${head}|${pluralizeWord(head)})\b`);
  let any = false;
  for (const sentence of sentences) {
    if (sentence.heading || !noun.test(sentence.plain)) continue;
    if (!EXAMPLE_SENTENCE.test(sentence.plain) && noun.test(sentence.plain.replace(EXAMPLE_BRACKETS, ' ').replace(EXAMPLES_SUCH_AS, ' '))) return false;
    any = true;
  }
  return any;
}

/**
 * "For the sake of simplicity, payments will not be treated as objects, but as events", "tests and
 * examinations are used interchangeably": the text itself says the noun is no record of its own
 * (or another name for one it already has).
 */
export function saidNotARecord(key: string, sentences: SentenceInfo[]): boolean {
  const saying = sentencesSayingNotARecord(sentences);
  if (!saying.length) return false;
  const words = key.split(' ');
  const noun = `${words.slice(0, -1).map((w) => `${w}\\s+`).join('')}(?:${words[words.length - 1]}|${pluralizeWord(words[words.length - 1])})`;
  const notTreated = new RegExp(String.raw`\b${noun}\s+(?:will|are|is|should|must|need to|do|does)\s+not\s+(?:be\s+)?(?:treated|modelled|modeled|represented|stored|kept)\s+as\s+(?:(?:separate|own|individual|distinct)\s+)?(?:objects?|entities|entity|records?|classes|class|tables?)\b`);
  // ("tests and examinations are used interchangeably": the second is the first's other name.)
  const otherName = new RegExp(String.raw`\b[a-z-]+\s+and\s+${noun}\s+(?:are|will be|can be)\s+used\s+interchangeably\b`);
  return saying.some((s) => notTreated.test(s.plain) || otherName.test(s.plain));
}

/** Words without which neither pattern of saidNotARecord can match. */
const SAYS_NOT_A_RECORD = /\bnot\s+(?:be\s+)?(?:treated|modelled|modeled|represented|stored|kept)\s+as\b|\binterchangeably\b/;
const notARecordSayings = new WeakMap<SentenceInfo[], SentenceInfo[]>();

/** The sentences that may say a noun is no record, found once per text: every candidate asks (a long text has thousands). */
function sentencesSayingNotARecord(sentences: SentenceInfo[]): SentenceInfo[] {
  let saying = notARecordSayings.get(sentences);
  if (!saying) notARecordSayings.set(sentences, (saying = sentences.filter((s) => !s.heading && SAYS_NOT_A_RECORD.test(s.plain))));
  return saying;
}

/** Heads that name what the app produces from its records when it prints or sends them. */
const OUTPUT_HEADS = /^(?:report|summary|overview|statistic|chart|graph|printout|digest)$/;
const OUTPUT_VERBS = 'print|prints|printed|generate|generates|generated|export|exports|exported|send|sends|sent|email|emails|emailed|download|downloads|downloaded|produce|produces|produced';
const STORE_WORDS = 'store|stores|stored|save|saves|saved|archive|archives|archived|keep|keeps|kept';

/**
 * "Every quarter we print a report for the council with total kg in and out": a report the app
 * prints or sends is made from the records, not one of them, even with the values it shows
 * listed. Unless the text says it is stored ("the estimators' reports must be stored").
 */
function onlyProduced(key: string, sentences: SentenceInfo[]): boolean {
  const words = key.split(' ');
  const head = words[words.length - 1];
  if (!OUTPUT_HEADS.test(head)) return false;
  const noun = `${words.slice(0, -1).map((w) => `${w}\\s+`).join('')}${head}s?\\b`;
  const produced = new RegExp(`\\b(?:${OUTPUT_VERBS})\\s+(?:[a-z-]+\\s+){0,3}?${noun}`);
  const stored = new RegExp(`\\b${noun}[^.;]*\\b(?:${STORE_WORDS})\\b|\\b(?:${STORE_WORDS})\\s+(?:[a-z-]+\\s+){0,3}?${noun}`);
  const text = sentences.map((s) => s.plain).join(' \n ');
  return produced.test(text) && !stored.test(text);
}

/**
 * "We run a small garage", "a booking app for a yoga studio", "our museum": the organisation the
 * app is for is one thing, not a table. It is never written in the plural, never counted ("each",
 * "every", "per", "all"), has no fields of its own, and is named with "our", "my", "the", "a" or
 * "for a".
 */
export function theBusinessItself(key: string, text: string, withFields: Set<string>, sentences: SentenceInfo[]): boolean {
  if (withFields.has(key)) return false;
  // A kind of record everyone knows is one, unless it names the app over its list ("Bike rental: stations, bikes").
  if (knownNoun(key) && !APP_OVER_A_LIST(key).test(sentences.find((s) => !s.heading)?.plain ?? '')) return false;
  const words = key.split(' ');
  const head = words[words.length - 1];
  const escaped = words.slice(0, -1).map((w) => `${w}\\s+`).join('');
  const plural = new RegExp(`\\b${escaped}${pluralizeWord(head)}\\b`);
  if (plural.test(text) || head === pluralizeWord(head)) return false;
  // ("shelves", "analyses": plurals the simple rule does not spell.)
  if (irregularPluralWritten(text, head, (stem) => new RegExp(`\\b${escaped}(${stem}[a-z]*)\\b`, 'g'))) return false;
  // "each frame", "every new plot": more than one of it exists.
  const counted = new RegExp(`\\b(?:each|every|per|all|any|another|other|several|many|which|what|new|that)\\s+(?:[a-z-]+\\s+){0,2}?${escaped}${head}\\b`);
  if (counted.test(text)) return false;
  // "The bike is composed of a frame …": a whole with parts is what the app models, not who runs it.
  // ("A smart home (located at an address) consists of several rooms": a parenthesis may come between.)
  if (new RegExp(`\\b${escaped}${head}\\s+(?:\\([^()]*\\)\\s*)?(?:is |are )?(?:composed of|consists? of|made up of|comprises?|divided into)\\b`).test(text)) return false;
  // "Car rental shop. Customers rent cars": what people do again and again is no one business.
  if (actedOut(key, sentences)) return false;
  const mentions = text.match(new RegExp(`\\b${escaped}${head}\\b`, 'g'))?.length ?? 0;
  const ours = new RegExp(`\\b(?:our)\\s+(?:[a-z-]+\\s+){0,2}?${escaped}${head}\\b`);
  return mentions > 0 && (ours.test(text) || namedInOverview(key, sentences));
}

/** "Bike rental: stations (…), bikes": a name of up to four words before a colon that starts the text. */
const APP_OVER_A_LIST = (key: string) => new RegExp(`^(?:[a-z-]+\\s+){0,3}?${key}\\s*:`);

/** Whether a sentence's verb makes the record ("rent" -> rental, "book" -> booking). */
function actedOut(key: string, sentences: SentenceInfo[]): boolean {
  return sentences.some((s) => !s.heading && s.plain.split(/[^a-z]+/).some((word) => transactionOf(word) === key));
}

/** What the app is for: "… app for a yoga studio", "we run a small garage", "my bakery needs …". */
const APP_WORDS = `(?:${APP_WORD_LIST.join('|')})`;
const FOR_THE_BUSINESS = String.raw`(?:\b${APP_WORDS}\s+for\s+(?:a|an|the|our|my)|\b(?:we|i)\s+(?:run|own|manage|operate|have|are|am)\s+(?:a|an|our|my)|\b(?:my|our))\s+(?:[a-z-]+\s+){0,2}?`;

/**
 * "A small app for our allotment association.", "We run a bike repair shop.": an opening sentence
 * that only says whose app it is. It is the text's title in other words (context), not a
 * requirement that went unread.
 */
export function introducesTheBusiness(sentence: SentenceInfo): boolean {
  if (sentence.id > 1 || sentence.plain.split(' ').length > 12 || !BUSINESS_INTRODUCTION.test(sentence.plain)) return false;
  // Only the business named: no clause in it ("an app for the staff to log overtime", "we have a rule that refunds expire").
  if (/\b(?:to|that|which|who|whose|where|when|if|so|because|and|or)\b/.test(sentence.plain.replace(/^(?:we|i)\s+\w+\s/, ''))) return false;
  const verbs = tagSentence(sentence.text).filter((t) => t.pos === 'verb' || t.pos === 'modal').length;
  return verbs <= (/^(?:we|i)\s/.test(sentence.plain) ? 1 : 0);
}
const BUSINESS_INTRODUCTION = new RegExp(
  String.raw`^(?:(?:a|an|the|our|my)\s+)?(?:[a-z-]+\s+){0,3}?${APP_WORDS}\s+for\s+(?:a|an|the|our|my)\s+(?:[a-z'-]+\s+){0,4}?[a-z'-]+\s*[.!]?$` +
    String.raw`|^(?:we|i)\s+(?:run|own|manage|operate|have|are|am)\s+(?:a|an|our|my)\s+(?:[a-z'-]+\s+){0,4}?[a-z'-]+\s*[.!]?$`,
);

/**
 * The title, or the first sentence naming the business as what it is about: its subject ("The
 * library lends books"), what the app is for, what we run, or "my X" outside a user story ("as a
 * member, I want … my bookings" is the member's, not the business). A noun only mentioned there
 * ("used by the employees of the club") is not the business.
 */
function namedInOverview(key: string, sentences: SentenceInfo[]): boolean {
  const title = sentences.slice(0, 2).find((s) => s.heading);
  if (title && new RegExp(`\\b${key}\\b`).test(title.plain)) return true;
  const overview = sentences.find((s) => !s.heading);
  if (!overview || overview.id > 2) return false;
  if (!/^as an? /.test(overview.plain) && new RegExp(`${FOR_THE_BUSINESS}${key}\\b`).test(overview.plain)) return true;
  // "Create a simple to-do list app", "Bike rental: stations (…)": a word naming the app itself.
  if (new RegExp(`\\b${key}\\s+(?:[a-z-]+\\s+){0,3}?${APP_WORDS}\\b`).test(overview.plain) || APP_OVER_A_LIST(key).test(overview.plain)) return true;
  const clause = analyze(overview.text).clauses[0];
  const subject = clause?.subject;
  return !!subject && subject.key === key && !subject.plural && !describedByAValue(clause);
}

/**
 * "A truck has a plate", "every boat has a name": any one of a kind, described by a value it has,
 * is a record the app keeps, not the business ("The library lends books", "a small bakery has many
 * customers" still are).
 */
function describedByAValue(clause: Clause): boolean {
  return clause.verb === 'have' && !clause.negated && /^(?:a|an|each|every)$/.test(clause.subject?.determiner ?? '') && clause.objects.some((o) => !o.plural);
}

/**
 * A record's name is a noun somewhere in the text: "come", "regardless", "starting" picked up by a
 * loose cue never are. Rows named by verbs ("follow", "vote") come from their own cues.
 */
function neverANoun(key: string, sentences: SentenceInfo[]): boolean {
  const head = key.split(' ').pop() ?? key;
  if (knownNoun(key) || Object.values(ACTION_NOUNS).includes(head)) return false;
  let seen = false;
  for (const sentence of sentences) {
    if (!sentence.plain.includes(head.slice(0, Math.max(3, head.length - 2)))) continue;
    for (const term of tagSentence(sentence.text)) {
      if (term.root !== head && term.w !== head) continue;
      seen = true;
      if (term.pos === 'noun' || labelsAList(term)) return false;
    }
  }
  return seen;
}

/** "Clinic: name, address", "Pet: name, species" (a table of records read as lines): the word a colon list hangs on names a thing, whatever the tagger made of it without a determiner. */
function labelsAList(term: Term): boolean {
  return /^\s*:/.test(term.post) && term.depth === 0;
}

/** "BTM", "FSM": abbreviations written in capitals are names of systems, not records. */
function writtenAsAcronym(key: string, sentences: SentenceInfo[]): boolean {
  if (key.includes(' ')) return false;
  const pattern = new RegExp(`\\b${key}s?\\b`, 'gi');
  let any = false;
  for (const sentence of sentences) {
    for (const match of sentence.text.matchAll(pattern)) {
      any = true;
      if (match[0] !== match[0].toUpperCase()) return false;
    }
  }
  return any;
}

/**
 * "LoginPage", "maxPrice", "/api/articles/:slug/comments": identifiers and paths written as code
 * name screens and parameters, not records (when the word never stands on its own).
 */
function writtenAsCode(key: string, sentences: SentenceInfo[]): boolean {
  if (key.includes(' ')) return false;
  const pattern = new RegExp(`[A-Za-z0-9_/]*${key}[A-Za-z0-9_/]*`, 'gi');
  const plain = new Set([key, `${key}s`, `${key}es`, key.replace(/y$/, 'ies')]);
  // An irregular plural written as a plain word ("shelves" for "shelf") is the noun in use.
  // (One expression per stem, built once for all sentences: matchAll leaves it as it was.)
  const made = new Map<string, RegExp>();
  const standalone = (stem: string): RegExp => {
    let pattern = made.get(stem);
    if (!pattern) made.set(stem, (pattern = new RegExp(`(?<![A-Za-z0-9_/])${stem}[a-z]*(?![A-Za-z0-9_/])`, 'gi')));
    return pattern;
  };
  if (sentences.some((s) => irregularPluralWritten(s.text, key, standalone))) return false;
  let any = false;
  for (const sentence of sentences) {
    for (const match of sentence.text.matchAll(pattern)) {
      any = true;
      const word = match[0];
      // A word on its own (any case but camelCase) means the text uses it as a noun.
      if (plain.has(word.toLowerCase()) && !/[/_]/.test(word) && !/[a-z][A-Z]/.test(word)) return false;
      // Part of a longer plain word ("ticketing" for "ticket") says nothing either way.
      if (/^[A-Za-z]+$/.test(word) && !/[a-z][A-Z]/.test(word)) return false;
    }
  }
  return any;
}
