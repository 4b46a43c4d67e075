// Behaviour the generator does not build (reports, side effects, notifications, search, UI
// gestures) is listed honestly instead of being silently dropped.
import type { Suggestion } from '../../model/project/projectSpec';
import { entityNameOf, type Draft } from './draft';
import { analyze } from './grammar';
import { storable } from './nlpEvidence';
import type { SentenceInfo } from './sentences';
import { singular } from './lexicon';
import { entityIndex } from './entityIndex';
import { recordSuggestion } from './rules/context';
import { introducesTheBusiness } from './notRecords';

const CUES: Array<{ pattern: RegExp; reason: string }> = [
  { pattern: /\bwhen\b.*\b(marked|becomes?|is set|changes?|goes (?:up|down)|increases?|decreases?)\b|\bautomatically\b|\bgo(?:es)? (?:up|down)\b/, reason: 'Automatic side effects (changing other records when something happens) are not generated; add them to the API by hand.' },
  { pattern: /\b(e-?mails? (?:to|are sent)|notify|notifications?|remind\w*|sms|push messages?)\b/, reason: 'Notifications and e-mails are not sent by the generated app.' },
  { pattern: /\b(total|sum|average|statistics|stats|dashboard|charts?|graphs?|reports?|summar(?:y|ies)|tabulate\w*|overdue|below their|above their|per (?:month|year|week|day)|this month|by month|by year)\b/, reason: 'Totals, reports and computed views are not generated; the generated app lists and edits the stored records they would be computed from.' },
  { pattern: /\b(search\w*|filter\w*|sort\w*)\b/, reason: 'Search and filtering beyond the generated list pages are not generated.' },
  { pattern: /\b(pay|payments?|checkout|stripe|shipping|tax|invoic\w+)\b/, reason: 'Payments, shipping and tax calculation are not generated.' },
  { pattern: /\b(lock\w*|pin\w*|drag\w*|board with|columns? per|kanban|markdown|paginat\w*|real[- ]?time|websockets?|upload\w* (?:an? )?(?:image|photo|file)s?|images?|photos?|calendar|feed|recommend\w*)\b/, reason: 'This behaviour is not generated; the data model stores the records it acts on, and the pages are plain list/detail/edit forms.' },
  { pattern: /\b(import|export|csv|pdf|print\w*)\b/, reason: 'Import and export are not generated.' },
  { pattern: /(?:^|\b(?:can|should|must|will|to|and|also)\s+)(?:show|display|see|view)s?\b/, reason: 'Custom views are not generated; the generated app has list, detail and edit pages per record type.' },
];

const MAX_UNIMPLEMENTED = 400;

/** Each cue's pattern, global, to look at every word it matches (compiled once). */
const EVERY_MATCH = new Map(CUES.map((c) => [c, new RegExp(c.pattern.source, 'g')]));

/**
 * A cue word that names one of the app's records ("Approved reports can't be edited" with a Report
 * record) is that record, not the feature; one that is a value of a field ("the purpose (photo,
 * video, event)") is that value.
 */
function cueApplies(cue: (typeof CUES)[number], sentence: SentenceInfo, draft: Draft, values: Set<string>): boolean {
  const records = entityIndex(draft).byHead;
  for (const match of sentence.plain.matchAll(EVERY_MATCH.get(cue)!)) {
    const word = match[0].split(' ').pop() ?? match[0];
    if (records.has(singular(word)) || records.has(word) || values.has(word) || values.has(singular(word))) continue;
    // "Tenants report broken heaters": the verb, not a report the app would compute.
    if (/^reports?$/.test(word) && reportedThing(sentence, match.index)) continue;
    return true;
  }
  return false;
}

/** Whether "report(s)" at `at` is a verb with an object ("report maintenance requests"). */
function reportedThing(sentence: SentenceInfo, at: number): boolean {
  const { terms } = analyze(sentence.text);
  const index = sentence.plain.slice(0, at).split(/\s+/).filter(Boolean).length;
  const term = terms.find((t, i) => i >= index - 1 && /^reports?$/.test(t.w));
  return term?.pos === 'verb';
}

/**
 * Words that are the model's own data: the values of its choice fields ("the purpose (photo, video,
 * event)") and its fields' names ("a request has a title and a photo", "an order has a total").
 */
function modelWords(draft: Draft): Set<string> {
  const values = new Set<string>();
  for (const entity of draft.entities) {
    for (const field of entity.fields) {
      for (const value of field.enumValues ?? []) values.add(value.toLowerCase());
      if (/^[a-z]+$/.test(field.name)) values.add(field.name);
    }
  }
  return values;
}

export function collectUnimplemented(draft: Draft, sentences: SentenceInfo[]): number[] {
  const notUnderstood: number[] = [];
  const values = modelWords(draft);
  for (const sentence of sentences) {
    if (sentence.heading) continue;
    const cue = CUES.find((c) => cueApplies(c, sentence, draft, values));
    if (cue) {
      if (draft.unimplemented.length < MAX_UNIMPLEMENTED) draft.unimplemented.push({ text: sentence.text.slice(0, 2000), reason: cue.reason, sources: [sentence.id] });
      continue;
    }
    if (draft.used.has(sentence.id)) continue;
    if (sentence.optional) {
      draft.unimplemented.push({ text: sentence.text.slice(0, 2000), reason: 'In an optional or bonus part of the requirements: not generated.', sources: [sentence.id] });
      continue;
    }
    if (introducesTheBusiness(sentence)) {
      sentence.heading = true;
      continue;
    }
    notUnderstood.push(sentence.id);
    // A clause of it was already listed with its own reason (a rule that could not be built).
    if (draft.notUnderstood.some((n) => n.sources.includes(sentence.id))) continue;
    draft.notUnderstood.push(explainNotUnderstood(draft, sentence));
  }
  if (draft.unimplemented.length >= MAX_UNIMPLEMENTED) draft.warnings.push(`Only the first ${MAX_UNIMPLEMENTED} unimplemented requirements are listed.`);
  return notUnderstood;
}

/** Why a sentence gave nothing, and the records it names that could be added with one click. */
function explainNotUnderstood(draft: Draft, sentence: SentenceInfo): { text: string; reason: string; sources: number[]; suggestions: Suggestion[] } {
  const analysis = analyze(sentence.text);
  const suggestions: Suggestion[] = [];
  const known = new Set(draft.entities.map((e) => e.key));
  for (const phrase of analysis.phrases) {
    if (suggestions.length >= 2 || known.has(phrase.key) || !storable(phrase, analysis)) continue;
    const record = recordSuggestion(draft, entityNameOf(phrase.key));
    if (!record || suggestions.some((s) => s.kind === 'addEntity' && s.name === record.name)) continue;
    suggestions.push(record);
  }
  const words = sentence.plain.split(' ').length;
  const reason =
    words < 3
      ? 'Too short to read a requirement from.'
      : analysis.clauses.length === 0
        ? 'No action or statement was recognised in this sentence; it names nothing Takoss could store or check.'
        : suggestions.length
          ? `It talks about ${suggestions.map((s) => (s.kind === 'addEntity' ? s.name : '')).join(' and ')}, which ${suggestions.length > 1 ? 'are' : 'is'} not a record type of the model, and no field, relation or rule was recognised.`
          : 'No record type, field, relation or rule was recognised in this sentence.';
  return { text: sentence.text.slice(0, 2000), reason, sources: [sentence.id], suggestions };
}
