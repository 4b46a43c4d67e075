// A change in plain words read against the project's current spec (offline): each sentence is a
// command (remove, rename, make …), an addition read by the extractor's field-list and relation
// readers, or a rule read by the extractor's rule patterns — all bound to the current entities —
// and becomes edits of src/model/project/edit.ts, said in words. A sentence that changes nothing
// is listed with why. The sentences that changed the model join the requirements, so the new
// elements have sources like extracted ones.
import type { ProjectSpec } from '../../model/project/projectSpec';
import { toSpecText } from '../../model/project/projectSpec';
import { plainOf, splitSentences, type SentenceInfo } from '../extract/sentences';
import { clausesOf, contextFor, PATTERNS, readClause, type RuleInputs } from '../extract/rules/index';
import { ownerLinker } from '../extract/owners';
import { draftOfSpec, type ChangeDraft } from './changeDraft';
import { readAdditions, valuesInParentheses } from './additions';
import { applyDraft } from './applyDraft';
import { readMake, readRemove, readRename, type CommandResult } from './commands';
import { renamesSince } from './renames';
import type { SpecRenames } from '../update/schemaRenames';

export interface ChangeReading {
  spec: ProjectSpec;
  /** What changed, one line each ("Member gains phoneNumber (string, optional)"). */
  applied: string[];
  /** Each sentence that changed nothing, quoted, with why. */
  notUnderstood: string[];
  /**
   * Entities and fields the change renamed, named as in the spec before it: the update renames
   * their tables and columns (keeping the data) instead of dropping and adding them.
   */
  renames?: SpecRenames;
}

export function readChange(spec: ProjectSpec, text: string): ChangeReading {
  const reading: ChangeReading = { spec, applied: [], notUnderstood: [] };
  const input = typeof text === 'string' ? toSpecText(text) : '';
  // ("a status: pending, paid or refunded" is one sentence with its values, not a lead and a list.)
  const { sentences } = splitSentences(valuesInParentheses(input));
  const base = spec.requirements.sentences.reduce((max, s) => Math.max(max, s.id + 1), 0);
  const renumbered = sentences.filter((s) => !s.heading).map((s): SentenceInfo => ({ ...s, id: base + s.id, leadId: s.leadId === undefined ? undefined : base + s.leadId }));
  const renameSteps: SpecRenames[] = [];
  if (!renumbered.length) reading.notUnderstood.push('The change is empty: say what to add, remove, rename or enforce, e.g. "add a phone number to members".');
  for (const sentence of renumbered) {
    for (const part of changesIn(sentence)) {
      const result = readSafely(reading.spec, part);
      if ('reason' in result) {
        reading.notUnderstood.push(`"${part.text}": ${result.reason}`);
        continue;
      }
      reading.spec = withRequirement(result.spec, sentence);
      reading.applied.push(...result.applied);
      if (result.renames) renameSteps.push(result.renames);
    }
  }
  const renames = renamesSince(spec, renameSteps);
  return renames ? { ...reading, renames } : reading;
}

/** Where a change verb starts a second change in the same sentence ("… and remove the venue from events"). */
const NEXT_CHANGE = /(?:\s*[,;]\s*|\s+)(?:and\s+(?:then\s+)?|then\s+|also\s+)?(?=(?:add|remove|delete|drop|rename|make)\s)/gi;

/** The changes a sentence asks for, each read on its own (they share the sentence as their source). */
function changesIn(sentence: SentenceInfo): SentenceInfo[] {
  const cuts = [...sentence.text.matchAll(NEXT_CHANGE)].filter((m) => m.index > 0 && /(?:[,;]|\band|\bthen|\balso)\s*$/i.test(m[0]));
  if (!cuts.length) return [sentence];
  const texts: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    texts.push(sentence.text.slice(start, cut.index));
    start = cut.index + cut[0].length;
  }
  texts.push(sentence.text.slice(start));
  return texts.filter((t) => t.trim()).map((text) => ({ ...sentence, text: text.trim(), plain: plainOf(text) }));
}

/** The reading of one change; a reader that fails leaves the spec as it was and says so (readChange never throws). */
function readSafely(spec: ProjectSpec, sentence: SentenceInfo): CommandResult {
  try {
    return readSentence(spec, sentence);
  } catch (error) {
    return { reason: `The change reader failed on this sentence (${error instanceof Error ? error.message : String(error)}); the model is unchanged by it.` };
  }
}

function readSentence(spec: ProjectSpec, sentence: SentenceInfo): CommandResult {
  const plain = sentence.plain.replace(/[.!]+$/, '').trim();
  const command = readRename(spec, plain) ?? readRemove(spec, plain) ?? readMake(spec, plain);
  if (command) return command;
  const cd = draftOfSpec(spec);
  const reason = readAdditions(spec, cd, sentence);
  if (reason) return { reason };
  readRules(cd, sentence);
  const out = applyDraft(spec, cd.draft, sentence.id);
  const notes = cd.draft.notUnderstood.filter((n) => n.sources.includes(sentence.id)).map((n) => n.reason);
  if (out.applied.length) return { spec: out.spec, applied: [...out.applied, ...out.problems.map((p) => `Not applied: ${p}`), ...notes.map((n) => `Note: ${n}`)] };
  if (out.problems.length || notes.length) return { reason: [...out.problems, ...notes].join(' ') };
  return { reason: 'Not read as a change to the model. Say what to add, remove, rename or enforce, e.g. "add a phone number to members", "remove the notes field from visits", "only admins may delete classes".' };
}

/** The extractor's rule patterns on the sentence's clauses (the states a record goes through first, as the extractor reads them). */
function readRules(cd: ChangeDraft, sentence: SentenceInfo): void {
  const inputs: RuleInputs = { roles: cd.roles, roleWords: cd.roleWords, ensureOwner: ownerLinker(cd.draft) };
  const { clauses, narrator } = clausesOf(sentence);
  const workflow = PATTERNS.filter((p) => p.name.startsWith('workflow'));
  for (const clause of clauses) for (const pattern of workflow) pattern.run(contextFor(cd.draft, sentence, clause, inputs, { narrator }));
  for (const clause of clauses) {
    if (clause.purpose) continue;
    readClause(contextFor(cd.draft, sentence, clause, inputs, { narrator }));
  }
}

/** The sentence joins the requirements, so the elements it made can name their source. */
function withRequirement(spec: ProjectSpec, sentence: SentenceInfo): ProjectSpec {
  if (spec.requirements.sentences.some((s) => s.id === sentence.id)) return spec;
  const text = spec.requirements.text.trim() ? `${spec.requirements.text.trimEnd()}\n${sentence.text}` : sentence.text;
  return { ...spec, requirements: { text, sentences: [...spec.requirements.sentences, { id: sentence.id, text: sentence.text }] } };
}
