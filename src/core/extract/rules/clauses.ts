// Cuts a requirement sentence into the clauses rules are read from ("…; …", "… and a room can't
// …", "…: one lesson per room", a user story's want and its "so that"), reads markdown table rows
// as clauses about their field, and says whether a clause carries rule language at all.
import { splitTop } from '../fieldItems';
import { plainOf, type SentenceInfo } from '../sentences';
import type { RuleClause } from './context';
import { MORE_CUES, type Cue } from './moreCues';
import { guarded } from '../guardedRegExp';
import { remembered } from '../remembered';
import { NUMBER, PARTICIPLE, wordsOf } from './words';

export interface SentenceClauses {
  clauses: RuleClause[];
  /** "As a property manager, I want …": the narrator's role words. */
  narrator?: string;
}

const STORY = guarded(/^\s*(?:\d+[.)]\s*)?as (?:an?|the) ([^,]{2,50}?)\s*,?\s*i (?:want|would like|need|wish|expect)\s+(?:to\s+)?/i);
const PURPOSE = /\s*,?\s*\bso(?: that)?\s+(?=(?:i|we|they|he|she|it|the|my|our|other|others|everyone|nobody|no one|people|parents|staff|caretakers|[a-z]+s)\b)/i;
const LABEL = /^\s*(?:(?:business |other |important |house |the )?(?:rules?|notes?|constraints?|requirements?|also|important|remember|restrictions?)(?: \d+)?|rule \d+)\s*[:.–—-]\s+/i;
const MODAL = /\b(?:can|can't|cannot|cant|could|must|mustn't|may|might|should|shouldn't|shouldnt|will|won't|has to|have to|needs? to|is|are|isn't|aren't)\b/i;
/** After ", and" / " and": a new clause when a subject and a verb-like word follow. */
const CLAUSE_START = guarded(/^(?:(?:a|an|the|each|every|no|nobody|no one|only|any|all|two|members'?|users'?)\s+)?(?:[a-z'’-]+\s+){0,4}(?:can|can't|cannot|cant|must|may|should|shouldn't|has to|have to|is|are|gets?|holds?|goes|go|moves?)\b/i);

/** "If a project is archived, nobody can add tasks": the condition stays with the clause it conditions. */
const LEADING_CONDITION = guarded(/^\s*(?:if|once|when|whenever|after|as soon as|while|unless|until|before)\b[^,;]*$/i);

function splitOn(parts: string[], re: RegExp, keep: (before: string, after: string) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const part of parts) {
    let rest = part;
    let done = '';
    for (;;) {
      re.lastIndex = 0;
      const m = re.exec(rest);
      if (!m) break;
      const before = done + rest.slice(0, m.index);
      const after = rest.slice(m.index + m[0].length);
      if (keep(before, after) && before.trim() && after.trim()) {
        out.push(before);
        done = '';
        rest = after;
      } else {
        done = before + m[0];
        rest = after;
      }
    }
    out.push(done + rest);
  }
  return out.map((p) => p.trim()).filter((p) => /[a-z0-9]/i.test(p));
}

/** Markdown table rows: one clause per data row, about the field named in its first cell. */
function tableRows(text: string): RuleClause[] | undefined {
  if (!/\|\s*:?-{3,}:?\s*\|/.test(text)) return undefined;
  const cells = text.split('|').map((c) => c.trim());
  if (cells[0] === '') cells.shift();
  const sepStart = cells.findIndex((c) => /^:?-{3,}:?$/.test(c));
  if (sepStart < 1) return undefined;
  let columns = 0;
  while (/^:?-{3,}:?$/.test(cells[sepStart + columns] ?? '')) columns++;
  const rows: RuleClause[] = [];
  // Rows are `columns` cells followed by one empty cell where "| |" joined two rows.
  for (let i = sepStart + columns + 1; i < cells.length; i += columns + 1) {
    const row = cells.slice(i, i + columns);
    if (!row[0]) continue;
    const text = `${row[0]}: ${row.slice(1).filter(Boolean).join(', ')}`;
    rows.push({ text, plain: plainOf(text), purpose: false, subjectField: wordsOf(row[0]) });
  }
  return rows;
}

/** "positive", "at least 1", "0-100", "between 1 and 5": a range of one value, with no counted thing. */
const BARE_RANGE = /^(?:(?:must|should|has to|needs to) be |is )?(?:positive|non-negative|not negative|(?:at least|at most|min(?:imum)?|max(?:imum)?|from|up to|over|under|>=?|<=?)\s*\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?|between \d+(?:[.,]\d+)? and \d+(?:[.,]\d+)?)\s*(?:%|percent)?$/;

/**
 * "Cleaning tasks: date, finished at (must be after started at), notes": a list item whose
 * parenthesis carries rule language is a clause about that field of the list's record. Returns the
 * item clauses and the sentence without those notes.
 */
function listItemClauses(text: string): { items: RuleClause[]; rest: string } {
  // (Also a list after "has"/"have": "Products have a name, a price (positive) and a stock count.")
  const colonList = /^([^:()]{1,50}):\s+(.+)$/.exec(text);
  const list = colonList ?? /^(?:(?:a|an|each|every|the)\s+)?([a-z][a-z -]{0,40}?)\s+(?:has|have)\s+(.+)$/i.exec(text);
  // ("It has …" names no record.)
  if (!list || (!colonList && /^(?:it|they|we|i|you|he|she|this|there)\b/i.test(list[1]))) return { items: [], rest: text };
  const items: RuleClause[] = [];
  let rest = text;
  for (const item of splitTop(list[2], /,|\s+and\s+/y)) {
    const m = /^([^()]+?)\s*\(([^()]+)\)\s*[.;]?$/.exec(item.trim());
    if (!m) continue;
    const inner = m[2];
    if (!ruleLanguage(plainOf(inner)) && !/→|->|=>/.test(inner)) continue;
    // (After "has", only a bare range of the value: "(at most 20 members)" counts rows of the sentence's record, read with the sentence.)
    // ("a number of pumps (maximum 12)": a count of things is a capacity, read with the sentence.)
    if (!colonList && (!BARE_RANGE.test(plainOf(inner)) || /\b(?:number|count) of\b/i.test(m[1]))) continue;
    const name = m[1].replace(/^(?:an?|the)\s+/i, '').replace(/^(?:unique|required|optional|mandatory)\s+/i, '');
    const clauseText = `${name}: ${inner}`;
    items.push({ text: clauseText, plain: plainOf(clauseText), purpose: false, subjectField: wordsOf(name), listSubject: wordsOf(list[1]) });
    rest = rest.replace(`(${inner})`, '');
  }
  return { items, rest };
}

export function clausesOf(sentence: SentenceInfo): SentenceClauses {
  const rows = tableRows(sentence.text);
  if (rows) return { clauses: rows };
  const listed = listItemClauses(sentence.text.replace(/\s+/g, ' ').trim());
  let text = listed.rest;
  let narrator: string | undefined;
  const story = STORY.exec(text);
  const clauses: RuleClause[] = [];
  if (story) {
    narrator = story[1].trim().toLowerCase();
    text = text.slice(story[0].length);
    const purpose = PURPOSE.exec(text);
    if (purpose && purpose.index > 0) {
      const why = text.slice(purpose.index + purpose[0].length);
      text = text.slice(0, purpose.index);
      clauses.push({ text: why, plain: plainOf(why), purpose: true });
    }
  } else {
    const purpose = PURPOSE.exec(text);
    if (purpose && purpose.index > 0 && /\bso that\b/i.test(purpose[0])) {
      const why = text.slice(purpose.index + purpose[0].length);
      text = text.slice(0, purpose.index);
      clauses.push({ text: why, plain: plainOf(why), purpose: true });
    }
  }
  text = text.replace(LABEL, '');
  // Run-on notes in lower case ("qty min 1. price cant be below 0. an order cant …") are several sentences.
  let parts = splitOn([text], /\.\s+(?=[a-z])/g, (before) => !/\b(?:e\.g|i\.e|etc|vs|no|approx|incl|min|max|nr)$/i.test(before.trim()) && before.trim().split(/\s+/).length >= 2);
  parts = splitOn(parts, /\s*;\s*/g);
  parts = splitOn(parts, /\s+[—–]\s+|\s+-\s+(?=[a-z])/gi);
  // "X can't be double-booked: one lesson per room": a colon after a clause with a verb.
  parts = splitOn(parts, /:\s+/g, (before) => MODAL.test(before) && before.split(' ').length >= 3);
  // "… starts open and is then paid or refused": a verb with no subject of its own after "and" continues a sequence of states.
  parts = splitOn(parts, /,?\s+(?:and|but|whereas)\s+|,\s+(?=(?:nobody|no one|only)\b)/gi, (before, after) => CLAUSE_START.test(after) && (MODAL.test(before) || before.split(' ').length >= 4) && !LEADING_CONDITION.test(before) && !(/^(?:is|are|gets?)\s+(?:then|later|finally|next)\b/i.test(after) && /\b(?:starts?|begins?)\b/i.test(before)));
  parts = splitOn(parts, /,\s*(?:since|because|as)\s+|\s+because\s+/gi);
  const main = parts.map((p) => ({ text: p.replace(/^[,\s]+|[,\s]+$/g, ''), plain: plainOf(p.replace(/^[,\s]+|[,\s]+$/g, '')), purpose: false }));
  return { clauses: [...main, ...listed.items, ...clauses], narrator };
}

const CUE_LIST: Cue[] = [
  { pattern: /→|->|=>|\s>\s|\b(?:life ?cycle|workflow)\b|\b(?:goes|go|moves?|pass(?:es)?|progress(?:es)?) through (?:the |these |its |their |(?:several|\w+) )?(?:stages|steps|states|statuses|phases)\b/, says: 'a sequence of states' },
  { pattern: /\boverlap\w*|\bdouble[- ]?book\w*|\b(?:can't|cannot|can not|cant|never|not|no)\b.*\b(?:at the same time|at once|simultaneously)\b/, says: 'a rule against overlapping bookings' },
  { pattern: /\bunique\b|\bduplicat(?:e|es|ed)\b(?! (?:of|from)\b)|\btwice\b(?! (?:a|an|per|each|every) [a-z]+)|\bonly once\b|\bat most once\b|\bnever (?:be )?reused\b|\b(?:can't|cannot|can not|not) be reused\b|\bno duplicates?\b/, says: 'a uniqueness rule' },
  { pattern: new RegExp(String.raw`\b(?:at most|at least|max(?:imum)?(?: of)?|min(?:imum)?(?: of)?|up to|limited to|no more than|not more than|more than|fewer than|less than|under|over|capped at)\s+${NUMBER}\b|\bmore [a-z]+ than\b|\b(?:exceed|exceeds)\b|[<>]=?\s*\d`), says: 'a limit' },
  { pattern: /\bbetween \d+(?:[.,]\d+)? and \d|\bfrom \d+(?:[.,]\d+)? to \d|\bout of \d|\bpositive\b|\bnegative\b|^\s*\(?\s*\d+(?:[.,]\d+)?\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?\s*\)?\s*$|\(\s*\d+(?:[.,]\d+)?\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?\s*\)|\bmin(?:imum)?\s+\d+\s*,?\s*max(?:imum)?\s+\d|\b(?:an? (?:whole )?(?:number|integer|value)|(?:on|in) a (?:scale|range)(?: of)?) \d+(?:[.,]\d+)? ?(?:-|–|to) ?\d/, says: 'a range of values' },
  { pattern: /\b(?:one|1|a single) [a-z]+ per\b|\b(?:max|maximum|at most|no more than|up to|only)\b.*\b\d+ [a-z]+ (?:per|a|each) [a-z]+/, says: 'a limit per something' },
  { pattern: /\b(?:is|are|be|becomes?|gets?|a|the|once) full\b|\bfully booked\b|\bsold out\b|\boverbook\w*|\bcapacity (?:is|has been) (?:reached|exceeded)\b/, says: 'a capacity limit' },
  { pattern: /\bonly\b|-only\b|\b(?:requires?|needs?) (?:the |an? )?[a-z]+(?:'s)? (?:role|rights|permission|access|approval|sign-off)\b|\b(?:is|are) reserved for\b|\b(?:job|task|duty) of (?:the |an? )?[a-z]+s?$|\b[a-z]+(?:'s|s') (?:job|task|duty)\b|\b(?:are|is) the ones? (?:who|that)\b|\bby (?:the )?[a-z]+ alone\b/, says: 'a restriction ("only")' },
  { pattern: /\b(?:is|are|becomes?|gets?) (?:read-only|locked|frozen)\b|\b(?:not possible|impossible) to\b|\b(?:prevent|stop)s?\b[^.;]*\bfrom [a-z]+ing\b|\bforbid(?:s|den)?\b|\bdisallow(?:s|ed)?\b/, says: 'a refusal' },
  { pattern: /\bstarts? (?:out )?as\b.*\bthen\b|\bfrom [a-z]+(?: [a-z]+)? to [a-z]+(?: [a-z]+)?,? (?:and|then) from\b/, says: 'a sequence of states' },
  { pattern: /\b(?:can't|cannot|can not|cant|couldn't|mustn't|must not|may not|shouldn't|should not|shouldnt|won't|will not|not allowed|not be able|never|no longer|no two|no double)\b|\b(?:nobody|no one|no-one)\s+(?:else\b|but\b|except\b|can\b|may\b|should\b|must\b|is allowed\b|will\b|gets?\b)|\bno\s+(?:new\s+|more\s+|further\s+)?[a-z]+\s+(?:can|may|should|must|shall)\s+be\b|\b(?:(?:is|are|will be)\s+not|isn't|aren't|won't be)\s+(?:possible|permitted|accepted|allowed)\b/, says: 'a prohibition' },
  { pattern: /\bmust\b|\bhas to\b|\bhave to\b|\bneeds? to be\b/, says: 'an obligation ("must")' },
  // Rule statements without a modal or "only": "every member has a different email", "the plate number identifies a car".
  { pattern: /\b(?:has|have|gets?|get|uses?|with) (?:a|an) (?:different|distinct) [a-z]+(?: [a-z]+)?[.!]?$|\b(?:uniquely )?identif(?:ies|y) (?:a|an|the|each|every|one)\b|\b(?:is|are) (?:uniquely )?identified by\b/, says: 'a uniqueness rule' },
  { pattern: /\bonce per [a-z]+/, says: 'a limit per something' },
  // Without a modal: "every member's email is different", "a plate belongs to exactly one vehicle".
  { pattern: /\b(?:is|are|be) (?:all )?(?:different|distinct)\b(?! (?:from|to|than|kinds?|types?|sorts?))|\bone and only one\b|\bno other [a-z]+ (?:has|have|may|can|uses?)\b/, says: 'a uniqueness rule' },
  // A restriction without "only": "refunds are restricted to managers", "the treasurer alone marks rent as paid", "is up to the manager".
  { pattern: /\b(?:restricted|reserved|limited) to (?:the |an? )?[a-z]+s?\b(?! \d)|\b[a-z]+s? alone (?:can|may|is|are|will|should|decides?)\b|\b(?:exclusively|solely)\b|\b(?:nobody|no one|no-one) other than\b|\bjust (?:the )?[a-z]+s? (?:can|may)\b|\b(?:is|are) up to (?:the |an? )[a-z]+|\b[a-z]+(?:'s|s') responsibility\b/, says: 'a restriction ("only")' },
  // A bare span after a value's name that starts a list item: "…, rating 1 to 5", "age 18-99" (not clock times).
  { pattern: /(?:^|[,;:(+]\s*)[a-z]{3,}(?: [a-z]{3,})? \d{1,3} ?(?:-|–|to) ?\d{1,4}\b(?!\s?(?:am|pm|h\b|:|\.\d))/, says: 'a range of values' },
  // "can be edited by its author": the row's owner.
  { pattern: /\bby (?:its|their|his|her) (?:own )?(?:owner|author|creator|reporter|poster|writer|submitter|requester|organi[sz]er|seller|host|maker|uploader)s?\b/, says: 'an ownership rule' },
  // Rule words the cues above miss (issue #11: a rule-like clause that became no rule is listed, never
  // mapped): a number of places a record holds ("a van seats 8 people", "a capacity of 40", "has 12 spots"),
  // "once" as an adverb after a modal ("a member can review a book once"; not "once it is paid"),
  // ownership by "their own" after an action ("see their own permits"; not "for my own planner"), and a
  // wanted or stated order in time ("I want the end time to be after its start time").
  { pattern: new RegExp(String.raw`\b(?:holds?|seats?|sleeps?|fits?|accommodates?|carr(?:y|ies)|admits?)\s+(?:up to\s+)?${NUMBER}\b(?!\s*(?:am|pm|h|%|:))|\b(?:a capacity|room|space) (?:of|for) ${NUMBER}\b|\b(?:has|have|with|offers?|provides?)\s+${NUMBER}\s+(?:places|seats|spots|slots|beds|berths|spaces|tickets)\b|\b\d+ [a-z]+ (?:max(?:imum)?|at most|tops)\b`), says: 'a capacity limit' },
  { pattern: /\b(?:can|may|could|should|must|allowed to)\b[^.;]*\bonce\b(?!\s+(?:a|an|the|it|they|he|she|we|you|i|their|its|his|her|all|every|each|this|that|there|[a-z]+ (?:is|are|has|have|was|were)\b))/, says: 'a uniqueness rule' },
  { pattern: /\b(?:see|view|edit|change|update|delete|cancel|manage|access|modify|remove)\s+(?:only\s+)?(?:their|his|her|his or her|my|your|our) own\b/, says: 'an ownership rule' },
  { pattern: /\b(?:to be|comes?|falls?|is|are)\s+(?:on or\s+|strictly\s+)?(?:after|before|later than|earlier than)\s+(?:the|its|their|his|her|a|an)\b/, says: 'an order in time' },
  ...MORE_CUES,
  // "orders are placed, then packed, then shipped": a sequence written out in words.
  // (Irregular participles too, and a list before the join: "orders are placed, paid and then shipped".)
  { pattern: new RegExp(String.raw`\b(?:is|are|gets?)\s+(?:first\s+)?${PARTICIPLE}(?:\s*,\s*${PARTICIPLE})*\s*,?\s*(?:and\s+)?(?:then|later|next|finally)\s+(?:(?:it|they)\s+(?:is|are|gets?)\s+)?${PARTICIPLE}\b`), says: 'a sequence of states' },
];

/** Tested on every clause: each behind a pre-check of the words it needs (guardedRegExp.ts). */
const CUES = CUE_LIST.map((cue) => ({ ...cue, pattern: guarded(cue.pattern) }));

const TIME_ORDER = /\b(?:before|after|later than|earlier than)\b/;
const OBLIGES = /\b(?:must|has to|have to|should|shouldn't|cannot|can't|cant|can not|may not|is not|isn't|are not|aren't|only|never|at least|no earlier|no later|up to)\b/;

/**
 * What rule language a clause carries, in words ("a limit"), or undefined when it has none.
 * Remembered by text: the rule readers ask it of the same clause several times, thirty patterns each.
 */
export const ruleLanguage: (text: string) => string | undefined = remembered(ruleLanguageOf, 5000);

function ruleLanguageOf(text: string): string | undefined {
  // Who signs in is read by the sign-in step ("students will not log in"); it is not a rule here.
  const plain = text.replace(/\b(?:will not|won't|do not|don't|does not|doesn't|cannot|can't|never|not|must|should|has to|have to|needs? to|will|can|may)\s+(?:need to\s+|be able to\s+|first\s+|always\s+)?(?:log|sign)\s+(?:in|on|up)\b/g, ' ');
  const cue = CUES.find((c) => c.pattern.test(plain) && !(c.says === 'a capacity limit' && /\bfull[- ](?:name|address|text|time|description)/.test(plain) && !/\b(?:is|are|be|once) full\b/.test(plain)));
  if (cue) return cue.says;
  // "before"/"after" are ordinary words; with an obligation, or alone between two names, they order dates.
  if (TIME_ORDER.test(plain) && (OBLIGES.test(plain) || plain.split(' ').length <= 6)) return 'an order in time';
  return undefined;
}
