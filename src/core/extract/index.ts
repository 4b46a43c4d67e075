// Deterministic extractor: English requirements text -> ProjectSpec. Heuristic and honest: it
// never throws, always returns a spec that passes ProjectSpec and validateSpec, and says in
// `warnings` and `unimplemented` what it could not turn into data, relations or rules.
// extractUnsafe is the pipeline of passes; each pass lives in its own module.
import { toSpecText, type ProjectSpec } from '../../model/project/projectSpec';
import { sentenceLabel } from '../../model/project/understanding';
import { detectAuth } from './auth';
import { addEntity, newDraft, type Draft } from './draft';
import { collectEvidence } from './entities';
import { applyFieldLists } from './applyFields';
import { applyListedValues } from './listedValues';
import { knownNoun } from './knowledge';
import { analyze } from './grammar';
import { readAhead } from './readAhead';
import { checkLanguage, NOT_ENGLISH_WARNING } from './language';
import { collectNlpEvidence, colonListSubject } from './nlpEvidence';
import { addFaultReports, linkReportedTroubles } from './reportedThings';
import { findNlpRelations } from './nlpRelations';
import { findRelations } from './relations';
import { applyPairRecords } from './pairRecords';
import { resolveKey } from './mentions';
import { findRules } from './rules';
import { readKinds } from './kinds';
import { applyKinds } from './applyKinds';
import { splitSentences, type SentenceInfo } from './sentences';
import { collectUnimplemented } from './unimplemented';
import { emptySpec, finish, type ExtractOptions } from './finish';
import { readListEvidence, recordsWithFields } from './listEvidence';
import { addAppKindRecords, addEntities, dropBareEntities, mergeCompounds } from './chooseEntities';
import { buildAuth, personRolesOf, roleWordsOf } from './roles';
import { widenCompoundRoles } from './compoundRoles';
import { addOwnership, dedupeOwnershipRules, ownerLinker } from './owners';
import { completeEntities, nameUnnamedRecords } from './completeEntities';
import { applyValueMentions } from './valueMentions';
import { applyRecordCompoundValues } from './recordCompoundValues';
import { keepMakersAsNames } from './makers';
import { applyDecidedStates, applyRecordStates } from './recordStates';
import { applyWhenRecorded } from './whenRecorded';
import { applyNumberedRecords } from './numberedRecords';
import { applyVariedValues } from './variedValues';
import { addUserKindRoles } from './userKinds';
import { dropVerbPhraseFields } from './verbPhraseFields';

export type { ExtractOptions } from './finish';

export function extractSpec(text: string, options: ExtractOptions = {}): ProjectSpec {
  // Pasted text may hold separators or bidi controls that no spec string may carry (see projectSpec).
  const input = typeof text === 'string' ? toSpecText(text) : '';
  try {
    return extractUnsafe(input, options);
  } catch (error) {
    return emptySpec(input, options, [`The extractor failed on this text (${error instanceof Error ? error.message : String(error)}); the spec is empty.`]);
  }
}

function extractUnsafe(text: string, options: ExtractOptions): ProjectSpec {
  const { sentences, warnings } = splitSentences(text);
  if (!sentences.length) return emptySpec(text, options, [...warnings, 'The requirements are empty: describe the app, its records and who uses it.'], sentences);
  const draft = newDraft();
  draft.warnings.push(...warnings);
  if (!checkLanguage(text).english) return notEnglish(text, options, sentences, draft);
  readAhead(sentences);
  // A short first line without a verb is the app's title ("Pet daycare"), not a requirement.
  if (!sentences[0].heading && titleLike(sentences[0], sentences.length > 1)) sentences[0].heading = true;

  // 1. Evidence for entities, including the subjects of field lists.
  const auth = detectAuth(sentences);
  const evidence = collectEvidence(sentences, auth.accountsAreRecords, !auth.enabled);
  collectNlpEvidence(sentences, evidence, { peopleAreRecords: !auth.enabled, accountsAreRecords: auth.accountsAreRecords });
  const pending = readListEvidence(sentences, evidence, auth.enabled);
  const { kinds, userKinds } = readKinds(sentences, evidence, pending);
  addUserKindRoles(auth, userKinds);

  // 2. Auth and roles (detected above: without sign-in, the people in the text are records).
  addAppKindRecords(sentences, evidence, pending, auth);
  mergeCompounds(evidence, new Set(pending.filter((l) => l.subject && l.items.length >= 2).map((l) => l.subject!)), sentences);
  const withFields = recordsWithFields(pending, sentences);
  const personRoles = personRolesOf(auth, evidence, withFields);
  widenCompoundRoles(auth, personRoles, sentences);
  const roleWords = roleWordsOf(auth, personRoles);

  // 3. Entities, in order of first mention (User first when there is sign-in).
  addEntities(draft, sentences, evidence, auth, roleWords, withFields);

  // 4. Fields (and relations named inside field lists), then relations from phrasing. A parent
  // named only by its kinds ("paintings are a kind of object") exists first, so that its fields and
  // links ("the loans of an object") are read too; applyKinds adds its kind field below.
  for (const statement of kinds) if (!resolveKey(draft, statement.parent)) addEntity(draft, statement.parent, statement.source);
  applyFieldLists(draft, pending, sentences, roleWords);
  // What a record is said to list or show ("invoices … list the amount due"), once the records are known.
  applyListedValues(draft, sentences, roleWords);
  keepMakersAsNames(draft, sentences, roleWords);
  const owners = findRelations(draft, sentences, roleWords);
  findNlpRelations(draft, sentences, roleWords, new Set(kinds.flatMap((k) => k.subtypes.map((t) => t.key))));
  // A trouble reported with a thing ('problems with machines') belongs to the thing.
  linkReportedTroubles(draft, sentences);
  addFaultReports(draft, sentences);
  // ("… with an email and a password and place orders": "place orders" was a second predicate, no value.)
  dropVerbPhraseFields(draft, sentences);
  // Values kept per pair ("for each treatment done at an appointment we record …") are a row of the pair's own.
  applyPairRecords(draft, sentences);
  applyKinds(draft, kinds);

  // 5. Who owns what.
  const ensureOwner = ownerLinker(draft);
  addOwnership(draft, owners, auth.enabled, ensureOwner);

  dropBareEntities(draft, evidence, sentences);
  // 6. Default fields for records the text names without fields; line items for orders/carts.
  completeEntities(draft, sentences);
  // Values named in passing ("the duration of a test") of the records chosen, next to their usual fields.
  applyValueMentions(draft, sentences, roleWords);
  // Values named by a compound after the record's name ("the total invoice amount").
  applyRecordCompoundValues(draft, sentences);
  // States the records reach ("the claim case is approved"): a status, or a yes/no value.
  applyRecordStates(draft, sentences);
  // Moments the text asks to keep ("record when orders are paid"): date-times of the record.
  applyWhenRecorded(draft, sentences);
  // Records the text numbers ("Player 1 … Player 2", "levels are numbered"): a number each one has.
  applyNumberedRecords(draft, sentences);
  // What the records differ in ("cinemas in different towns"): a value each one has.
  applyVariedValues(draft, sentences, roleWords);

  // 7. Roles and auth object.
  const specAuth = buildAuth(auth, personRoles);
  const roles = specAuth.kind === 'emailPassword' ? specAuth.roles : [];
  findRules(draft, sentences, roles, roleWords, (entity, source) => ensureOwner(entity, source));
  dedupeOwnershipRules(draft);
  // The states people's decisions leave records in ("managers approve or reject requests"), where the rules gave no status.
  applyDecidedStates(draft, sentences);
  // A record still without a value, once the rules have added theirs, gets a name ("users keep lists": List.name).
  nameUnnamedRecords(draft);

  // 8. Unimplemented behaviour and what was not understood (auth cues and the title sentence were used).
  for (const source of specAuth.sources) draft.used.add(source);
  warnAboutGaps(draft, collectUnimplemented(draft, sentences));
  return finish(text, options, sentences, draft, specAuth);
}

/** Text in another language: every sentence is listed as not understood, and nothing is guessed. */
function notEnglish(text: string, options: ExtractOptions, sentences: SentenceInfo[], draft: Draft): ProjectSpec {
  draft.warnings.unshift(NOT_ENGLISH_WARNING);
  for (const sentence of sentences) if (!sentence.heading) draft.notUnderstood.push({ text: sentence.text.slice(0, 2000), reason: 'Not in English: Takoss reads English requirements only.', sources: [sentence.id], suggestions: [] });
  return finish(text, options, sentences, draft, { kind: 'none', sources: [] });
}

/** Warnings for what the review should look at: no records, sentences not understood, assumed fields. */
function warnAboutGaps(draft: Draft, notUnderstood: number[]): void {
  if (!draft.entities.length) draft.warnings.push('No record types were recognised. Name the things the app stores, e.g. "A task has a title, a due date and a status (todo, done)."');
  if (notUnderstood.length) {
    // Numbered from 1, as the requirements are everywhere else ("sentences 0" read as a count).
    const shown = sentenceLabel(notUnderstood.slice(0, 20));
    draft.warnings.push(`Not understood as data, relations or rules: ${shown}${notUnderstood.length > 20 ? ', …' : ''}. Review ${notUnderstood.length === 1 ? 'it' : 'them'} in the spec.`);
  }
  for (const entity of draft.entities) if (!entity.fieldsFromText && entity.fields.length && entity.name !== 'User' && knownNoun(entity.key)) {
    // Say where default fields came from so the user can check them.
    draft.warnings.push(`${entity.name}: no fields were given, so common fields were assumed.`);
  }
}

function titleLike(sentence: SentenceInfo, more: boolean): boolean {
  const words = sentence.plain.split(' ');
  if (words.length > 8 || /[.!?]$/.test(sentence.text.trim()) && words.length > 4) return false;
  // "loan: book title, due date, status" lists fields; a title does not.
  if (colonListSubject(sentence)) return false;
  const { terms } = analyze(sentence.text);
  if (!terms.some((t) => t.pos === 'verb' || t.pos === 'modal')) return true;
  // "Pet grooming", "Community garden", "cleaning company app": before more text, a few words with no
  // stop and nothing of a clause (no modal, pronoun, article or preposition) are a title, whatever
  // the tagger made of them; not "Members book classes" (people, then their verb) or "Track expenses".
  if (!more || words.length > 5 || /[.!?:;,]$/.test(sentence.text.trim())) return false;
  if (terms.some((t) => t.pos === 'modal' || t.pos === 'pron' || t.pos === 'det' || t.pos === 'prep' || t.pos === 'num')) return false;
  if (terms[0].pos === 'verb' && !/ing$/.test(terms[0].w) && terms[1]?.plural) return false;
  return !terms.some((t, i) => t.pos === 'verb' && i > 0 && terms[i - 1].pos === 'noun' && terms[i - 1].plural);
}
