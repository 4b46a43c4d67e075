// Deterministic extractor: English requirements text -> ProjectSpec. Heuristic and honest: it
// never throws, always returns a spec that passes ProjectSpec and validateSpec, and says in
// `warnings` and `unimplemented` what it could not turn into data, relations or rules.
import { camelCase, humanize, pluralizeName, pluralizeWord } from '../../model/project/naming';
import { ProjectSpec, SPEC_VERSION, toSpecText, type Auth, type ProjectSpecInput } from '../../model/project/projectSpec';
import { accountSentences } from '../../model/project/accounting';
import { validateSpec } from '../../model/project/specIndex';
import { detectAuth } from './auth';
import { addEntity, addField, addRelation, findEntity, newDraft, toSpecField, type Draft } from './draft';
import { addEvidence, collectEvidence, ENTITY_THRESHOLD, entityKeyAllowed, removeEvidence, type Evidence } from './entities';
import { applyFieldLists, type PendingList } from './applyFields';
import { bulletIsField, findFieldLists, headingNamesRecord, introducesList, leadSubjectKey } from './fields';
import { APP_KINDS, knownNoun } from './knowledge';
import { tagSentence } from './nlp';
import { inferType } from './types';
import { ACTION_NOUNS, PERSON_NOUNS, singular, STAFF_ROLES } from './lexicon';
import { deriveName, deriveTitle } from './naming';
import { buildPages } from '../../model/project/pages';
import { analyze } from './grammar';
import { checkLanguage, NOT_ENGLISH_WARNING } from './language';
import { collectNlpEvidence, colonListSubject } from './nlpEvidence';
import { findNlpRelations } from './nlpRelations';
import { findRelations } from './relations';
import { resolveKey } from './mentions';
import { findRules } from './rules';
import { applyKinds, readKinds } from './kinds';
import { splitSentences, type SentenceInfo } from './sentences';
import { collectUnimplemented } from './unimplemented';

export interface ExtractOptions {
  projectName?: string;
}

const MAX_ENTITIES = 40;

export function extractSpec(text: string, options: ExtractOptions = {}): ProjectSpec {
  // Pasted text may hold separators or bidi controls that no spec string may carry (see projectSpec).
  const input = typeof text === 'string' ? toSpecText(text) : '';
  try {
    return extractUnsafe(input, options);
  } catch (error) {
    return emptySpec(input, options, [`The extractor failed on this text (${error instanceof Error ? error.message : String(error)}); the spec is empty.`]);
  }
}

function emptySpec(text: string, options: ExtractOptions, warnings: string[], sentences: SentenceInfo[] = []): ProjectSpec {
  const title = deriveTitle(sentences, options.projectName);
  return ProjectSpec.parse({
    specVersion: SPEC_VERSION,
    name: deriveName(title),
    title,
    description: '',
    requirements: { text, sentences: sentences.map((s) => ({ id: s.id, text: s.text })) },
    entities: [],
    relations: [],
    auth: { kind: 'none', sources: [] },
    rules: [],
    unimplemented: [],
    pages: [{ kind: 'home', path: '/', title: 'Home', sources: [] }],
    warnings,
  } satisfies ProjectSpecInput);
}

function extractUnsafe(text: string, options: ExtractOptions): ProjectSpec {
  const { sentences, warnings } = splitSentences(text);
  if (!sentences.length) return emptySpec(text, options, [...warnings, 'The requirements are empty: describe the app, its records and who uses it.'], sentences);
  const draft = newDraft();
  draft.warnings.push(...warnings);
  const language = checkLanguage(text);
  if (!language.english) {
    draft.warnings.unshift(NOT_ENGLISH_WARNING);
    for (const sentence of sentences) if (!sentence.heading) draft.notUnderstood.push({ text: sentence.text.slice(0, 2000), reason: 'Not in English: Takoss reads English requirements only.', sources: [sentence.id], suggestions: [] });
    return finish(text, options, sentences, draft, { kind: 'none', sources: [] });
  }
  // A short first line without a verb is the app's title ("Pet daycare"), not a requirement.
  if (!sentences[0].heading && titleLike(sentences[0])) sentences[0].heading = true;

  // 1. Evidence for entities, including the subjects of field lists.
  const auth = detectAuth(sentences);
  const evidence = collectEvidence(sentences, auth.accountsAreRecords);
  collectNlpEvidence(sentences, evidence, { peopleAreRecords: !auth.enabled, accountsAreRecords: auth.accountsAreRecords });
  const pending: PendingList[] = [];
  const leadsSeen = new Set<number>();
  for (const sentence of sentences) {
    const lead = sentence.leadId !== undefined ? sentences[sentence.leadId] : undefined;
    // (Under a heading only bullets that name a field are its fields: "- Members log in." is not.)
    const leadIsList = !!lead && introducesList(lead) && (!headingNamesRecord(lead) || bulletIsField(sentence));
    for (const list of findFieldLists(sentence, leadIsList)) {
      pending.push(list);
      if (list.subject && (list.items.length >= 2 || list.items.some((i) => i.sub?.length))) addEvidence(evidence, list.subject, 3, sentence.id);
      // "with classes and instructors", "clients, their dogs, and walks": a list of plurals is a list of records.
      if (listOfRecords(list)) {
        for (const item of list.items) addEvidence(evidence, item.key, 2, sentence.id);
      }
      if (lead && list.leadId !== undefined && !leadsSeen.has(list.leadId)) {
        // A bullet list of fields makes the record its lead names an entity.
        leadsSeen.add(list.leadId);
        const key = leadSubjectKey(lead);
        if (key) addEvidence(evidence, key, 3, list.leadId);
      }
      for (const item of list.items) {
        if (item.sub?.length && item.plural && item.each) addEvidence(evidence, item.key, 3, sentence.id);
        // "Each expense has an amount, a date, a note": a singular item there is a field, not evidence.
        else if (!item.plural && !item.sub) removeEvidence(evidence, item.key, sentence.id);
      }
    }
  }

  const kinds = readKinds(sentences, evidence, pending);

  // 2. Auth and roles (detected above: without sign-in, the people in the text are records).
  const chosen = () => [...evidence.values()].filter((c) => c.score >= ENTITY_THRESHOLD && !PERSON_NOUNS.has(c.key));
  // A short idea whose records come with no fields ("a forum to share thoughts") still gets the
  // records such an app always has.
  const terse = sentences.filter((s) => !s.heading).length <= 3 && !pending.some((l) => l.items.length >= 2);
  if (chosen().length < 2 || terse) {
    // Terse ideas ("A forum for my friends") get the records such an app always has.
    const kindSentence = sentences.slice(0, 5).find((s) => APP_KINDS.some((k) => k.pattern.test(s.plain)));
    const kind = kindSentence && APP_KINDS.find((k) => k.pattern.test(kindSentence.plain));
    if (kind && kindSentence) {
      for (const key of kind.entities) if (!evidence.get(key) || evidence.get(key)!.score < ENTITY_THRESHOLD) addEvidence(evidence, key, ENTITY_THRESHOLD, kindSentence.id);
      if (kind.auth && !auth.enabled) {
        auth.enabled = true;
        auth.sources.push(kindSentence.id);
        auth.selfSignup = true;
        auth.genericUsersSignIn = true;
      }
    }
  }
  const listed = pending.filter((l) => l.subject && l.items.length >= 2);
  mergeCompounds(evidence, new Set(listed.map((l) => l.subject!)));
  const withFields = new Set(listed.filter((l) => !listOfRecords(l)).map((l) => l.subject!));
  // Bullets under a lead ("- Customer" / "  - name" / "  - email") are one list of that record's fields.
  const itemsByLead = new Map<number, number>();
  for (const list of pending) if (list.leadId !== undefined) itemsByLead.set(list.leadId, (itemsByLead.get(list.leadId) ?? 0) + list.items.length);
  for (const [leadId, count] of itemsByLead) {
    const key = count >= 2 ? leadSubjectKey(sentences[leadId]) : undefined;
    if (key) withFields.add(key);
  }
  const personRoles = [...auth.personRoles];
  if (auth.enabled) {
    for (const candidate of evidence.values()) {
      // People who neither have fields of their own nor are said not to sign in are users with a role.
      if (!PERSON_NOUNS.has(candidate.key) || auth.notUsers.has(candidate.key) || withFields.has(candidate.key)) continue;
      if (!personRoles.includes(candidate.key)) personRoles.push(candidate.key);
    }
  }
  const roleWords = new Set<string>([...personRoles, ...auth.staffRoles, ...Object.keys(STAFF_ROLES).filter((w) => auth.staffRoles.includes(STAFF_ROLES[w]))]);

  // 3. Entities, in order of first mention (User first when there is sign-in).
  if (auth.enabled) {
    const user = addEntity(draft, 'user', auth.sources[0]);
    auth.sources.forEach((s) => user?.sources.add(s));
    if (user) addField(user, { words: ['name'], type: 'string', required: true }, auth.sources[0]);
  }
  // In a long text every noun comes back now and then: weak cues need more sentences there.
  const weakSources = sentences.length > 25 ? 3 : 2;
  // In a one- or two-line idea every thing people act on matters ("customers pick a barber and a slot").
  const oneLiner = sentences.filter((s) => !s.heading).length <= 2;
  const candidates = [...evidence.values()]
    // Weak cues (plural mentions) must come from more than one sentence.
    .filter((c) => (c.score >= ENTITY_THRESHOLD || (oneLiner && c.score >= 1.5)) && (c.strong || c.sources.size >= weakSources || oneLiner) && entityKeyAllowed(c.key, auth.accountsAreRecords) && !(auth.enabled && roleWords.has(c.key) && !withFields.has(c.key)) && !(STAFF_ROLES[c.key] && auth.enabled && !withFields.has(c.key)))
    .sort((a, b) => a.first - b.first || b.score - a.score || (a.key < b.key ? -1 : 1));
  const plainText = sentences.map((s) => s.plain).join(' \n ');
  for (const candidate of candidates) {
    if (neverANoun(candidate.key, sentences) || writtenAsAcronym(candidate.key, sentences) || writtenAsCode(candidate.key, sentences)) continue;
    // "tickets" next to "repair tickets" with fields: the same record, named short.
    const longer = !candidate.key.includes(' ') ? candidates.filter((c) => c.key.endsWith(` ${candidate.key}`) && withFields.has(c.key)) : [];
    if (longer.length === 1) {
      candidate.sources.forEach((s) => longer[0].sources.add(s));
      continue;
    }
    if (theBusinessItself(candidate.key, plainText, withFields, sentences)) {
      candidate.sources.forEach((s) => draft.used.add(s));
      continue;
    }
    // A compound whose head is already an entity with the same modifier words is the same thing.
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

  // 4. Fields (and relations named inside field lists), then relations from phrasing. A parent
  // named only by its kinds ("paintings are a kind of object") exists first, so that its fields and
  // links ("the loans of an object") are read too; applyKinds adds its kind field below.
  for (const statement of kinds) if (!resolveKey(draft, statement.parent)) addEntity(draft, statement.parent, statement.source);
  applyFieldLists(draft, pending, sentences, roleWords);
  const owners = findRelations(draft, sentences, roleWords);
  findNlpRelations(draft, sentences, roleWords);
  applyKinds(draft, kinds);

  // 5. Who owns what.
  const ensureOwner = (entityName: string, source: number, role = ''): boolean => {
    const entity = findEntity(draft, entityName);
    if (!entity || entity.name === 'User' || !findEntity(draft, 'User')) return false;
    if (entity.ownerRelation) return true;
    // A relation to User written in the text ("a loan records the member") is the owner.
    const existing = draft.relations.find((r) => r.kind === 'belongsTo' && r.from === entity.name && r.to === 'User' && r.required && (!role || r.name === camelCase(role)));
    if (existing) {
      entity.ownerRelation = existing.name;
      return true;
    }
    const specific = role && !['admin', 'member', 'user'].includes(role) ? camelCase(role) : '';
    // Rows that record a user's action ("favorite", "vote") belong to that user.
    const action = ['favorite', 'vote', 'like', 'bookmark', 'follow', 'subscription', 'enrollment'].includes(entity.key);
    const name = specific || (knownNoun(entity.key)?.authored ? 'author' : action ? 'user' : 'owner');
    const inverseName = name === 'owner' ? camelCase(`owned ${pluralizeName(entity.name)}`) : undefined;
    const relation = addRelation(draft, { from: entity.name, to: 'User', name, inverseName, required: true, onDelete: 'cascade' }, source);
    if (!relation) return false;
    entity.ownerRelation = relation.name;
    draft.used.add(source);
    return true;
  };
  for (const owner of owners) {
    if (ensureOwner(owner.entity, owner.source, owner.role)) {
      draft.rules.push({ kind: 'ownership', entity: owner.entity, actions: ['update', 'delete'], sources: [owner.source] });
    }
  }
  if (auth.enabled) {
    for (const entity of draft.entities) {
      if (entity.ownerRelation || !knownNoun(entity.key)?.authored) continue;
      const source = Math.min(...entity.sources);
      if (ensureOwner(entity.name, source)) draft.rules.push({ kind: 'ownership', entity: entity.name, actions: ['update', 'delete'], sources: [source] });
    }
  }

  dropBareEntities(draft, evidence, sentences);
  // 6. Default fields for records the text names without fields; line items for orders/carts.
  completeEntities(draft);

  // 7. Roles and auth object.
  const specAuth = buildAuth(auth, personRoles);
  const roles = specAuth.kind === 'emailPassword' ? specAuth.roles : [];
  findRules(draft, sentences, roles, roleWords, (entity, source) => ensureOwner(entity, source));
  dedupeOwnershipRules(draft);

  // 8. Unimplemented behaviour and what was not understood (auth cues and the title sentence were used).
  for (const source of specAuth.sources) draft.used.add(source);
  const notUnderstood = collectUnimplemented(draft, sentences);
  if (!draft.entities.length) draft.warnings.push('No record types were recognised. Name the things the app stores, e.g. "A task has a title, a due date and a status (todo, done)."');
  if (notUnderstood.length) {
    const shown = notUnderstood.slice(0, 20).join(', ');
    draft.warnings.push(`Sentences not understood as data, relations or rules: ${shown}${notUnderstood.length > 20 ? ', …' : ''}. Review them in the spec.`);
  }
  for (const entity of draft.entities) if (!entity.fieldsFromText && entity.name !== 'User' && knownNoun(entity.key)) {
    // Say where default fields came from so the user can check them.
    draft.warnings.push(`${entity.name}: no fields were given, so common fields were assumed.`);
  }

  return finish(text, options, sentences, draft, specAuth);
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
function dropBareEntities(draft: Draft, evidence: Evidence, sentences: SentenceInfo[]): void {
  if (sentences.filter((s) => !s.heading).length < BARE_MIN_SENTENCES) return;
  const dropped: string[] = [];
  for (const entity of [...draft.entities]) {
    if (entity.name === 'User' || entity.fieldsFromText || knownNoun(entity.key)) continue;
    if (draft.relations.some((r) => (r.from === entity.name && r.to !== 'User') || r.to === entity.name)) continue;
    if ((evidence.get(entity.key)?.score ?? 0) > BARE_MAX_SCORE) continue;
    draft.entities.splice(draft.entities.indexOf(entity), 1);
    draft.relations = draft.relations.filter((r) => r.from !== entity.name && r.to !== entity.name);
    dropped.push(entity.name);
  }
  if (dropped.length) draft.warnings.push(`Mentioned but not made records (no fields or links of their own): ${dropped.join(', ')}. Add them in the review if the app should store them.`);
}

/**
 * "We run a small garage", "a booking app for a yoga studio", "our museum": the organisation the
 * app is for is one thing, not a table. It is never written in the plural, never counted ("each",
 * "every", "per", "all"), has no fields of its own, and is named with "our", "my", "the", "a" or
 * "for a".
 */
function theBusinessItself(key: string, text: string, withFields: Set<string>, sentences: SentenceInfo[]): boolean {
  if (withFields.has(key) || knownNoun(key)) return false;
  const words = key.split(' ');
  const head = words[words.length - 1];
  const escaped = words.slice(0, -1).map((w) => `${w}\\s+`).join('');
  const plural = new RegExp(`\\b${escaped}${pluralizeWord(head)}\\b`);
  if (plural.test(text) || head === pluralizeWord(head)) return false;
  // ("shelves", "analyses": plurals the simple rule does not spell.)
  const stem = head.slice(0, Math.max(3, head.length - 2));
  const written = new RegExp(`\\b${escaped}(${stem}[a-z]*)\\b`, 'g');
  for (const match of text.matchAll(written)) if (match[1] !== head && singular(match[1]) === head) return false;
  // "each frame", "every new plot": more than one of it exists.
  const counted = new RegExp(`\\b(?:each|every|per|all|any|another|other|several|many|which|what|new|that)\\s+(?:[a-z-]+\\s+){0,2}?${escaped}${head}\\b`);
  if (counted.test(text)) return false;
  // "The bike is composed of a frame …": a whole with parts is what the app models, not who runs it.
  if (new RegExp(`\\b${escaped}${head}\\s+(?:is |are )?(?:composed of|consists? of|made up of|comprises?|divided into)\\b`).test(text)) return false;
  const mentions = text.match(new RegExp(`\\b${escaped}${head}\\b`, 'g'))?.length ?? 0;
  const inTitle = sentences.slice(0, 2).some((s) => (s.heading || s.id === 0) && s.plain.includes(key));
  const ours = new RegExp(`\\b(?:our|my)\\s+(?:[a-z-]+\\s+){0,2}?${escaped}${head}\\b`);
  return mentions > 0 && (inTitle || ours.test(text));
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
      if (term.pos === 'noun') return false;
    }
  }
  return seen;
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

/** "with classes and instructors", "clients, their dogs, and walks (…)": every item a plural noun. */
function listOfRecords(list: PendingList): boolean {
  return list.items.length >= 2 && list.items.every((i) => i.plural && !i.hint && ['string', 'text'].includes(inferType(i.words).type));
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
  const stem = new RegExp(`(?<![A-Za-z0-9_/])${key.slice(0, Math.max(3, key.length - 2))}[a-z]*(?![A-Za-z0-9_/])`, 'gi');
  if (sentences.some((s) => [...s.text.matchAll(stem)].some((m) => m[0].toLowerCase() !== key && singular(m[0].toLowerCase()) === key))) return false;
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

function titleLike(sentence: SentenceInfo): boolean {
  const words = sentence.plain.split(' ');
  if (words.length > 8 || /[.!?]$/.test(sentence.text.trim()) && words.length > 4) return false;
  // "loan: book title, due date, status" lists fields; a title does not.
  if (colonListSubject(sentence)) return false;
  return !analyze(sentence.text).terms.some((t) => t.pos === 'verb' || t.pos === 'modal');
}

/**
 * "survey questions" next to "surveys": the modifier is another record, so the compound is just
 * a question (of a survey). Line-like heads keep the compound ("order lines", "cart items").
 */
function mergeCompounds(evidence: Evidence, listed: Set<string>): void {
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
    // "Room bookings: member, room, start" next to "Desk bookings: member, desk, date": a compound
    // with fields of its own is its own record, and the bare head ("per booking") means one of them.
    if (listed.has(candidate.key)) {
      if (!listed.has(head)) evidence.delete(head);
      continue;
    }
    evidence.delete(candidate.key);
    for (const [source, score] of candidate.bySentence) addEvidence(evidence, head, score, source, candidate.strong);
  }
}

function completeEntities(draft: Draft): void {
  const product = draft.entities.find((e) => e.key === 'product' || e.key.endsWith(' product')) ?? draft.entities.find((e) => e.key === 'item');
  for (const entity of [...draft.entities]) {
    const head = entity.key.split(' ').pop() ?? '';
    if ((head === 'order' || head === 'cart') && product) {
      const hasLines = draft.relations.some((r) => r.to === entity.name && r.kind === 'belongsTo' && draft.relations.some((p) => p.from === r.from && p.to === product.name));
      const lineEntity = draft.relations.find((r) => r.to === entity.name && r.kind === 'belongsTo' && /(item|line)$/i.test(r.from));
      if (!hasLines && !lineEntity) {
        const line = addEntity(draft, `${entity.key} item`, Math.min(...entity.sources));
        if (line) {
          addField(line, { words: ['quantity'], type: 'integer', required: true, min: 1 }, Math.min(...entity.sources));
          addField(line, { words: ['unit', 'price'], type: 'money' }, Math.min(...entity.sources));
          line.fieldsFromText = true;
          addRelation(draft, { from: line.name, to: entity.name, required: true, onDelete: 'cascade' }, Math.min(...entity.sources));
        }
      }
    }
  }
  // Line items refer to what they count.
  for (const entity of draft.entities) {
    const words = entity.key.split(' ');
    if (words.length < 2 || !['item', 'line'].includes(words[words.length - 1]) || !product || product === entity) continue;
    const parents = draft.relations.filter((r) => r.from === entity.name && r.kind === 'belongsTo' && r.to !== 'User');
    if (parents.length === 1 && parents[0].to !== product.name) addRelation(draft, { from: entity.name, to: product.name, required: true, onDelete: 'restrict' }, Math.min(...entity.sources));
  }
  for (const entity of draft.entities) {
    if (entity.fields.length) continue;
    const known = knownNoun(entity.key);
    const sources = entity.sources.size ? [Math.min(...entity.sources)] : [];
    if (known) for (const f of known.fields) addField(entity, { words: [], name: f.name, type: f.type, required: f.required, enumValues: f.enumValues, min: f.min, max: f.max }, sources[0]);
    else if (!draft.relations.some((r) => r.from === entity.name)) addField(entity, { words: ['name'], type: 'string', required: true }, sources[0]);
  }
}

function buildAuth(auth: ReturnType<typeof detectAuth>, personRoles: string[]): Auth {
  if (!auth.enabled) return { kind: 'none', sources: [] };
  const staff = auth.staffRoles;
  const generic = auth.genericUsersSignIn || staff.length === 0;
  const defaultRole = personRoles[0] ?? (generic ? 'member' : staff[0]);
  const roles = [...new Set([defaultRole, ...personRoles, ...staff])];
  let adminRole = roles.includes('admin') ? 'admin' : auth.adminLike;
  if (!adminRole || auth.adminImplied) {
    if (!roles.includes('admin')) roles.push('admin');
    adminRole = 'admin';
  }
  const selfSignup = auth.selfSignup || personRoles.length > 0 || (generic && staff.length === 0);
  const roleList = roles.filter((r) => /^[a-z][a-z0-9_]{0,30}$/.test(r));
  return { kind: 'emailPassword', roles: roleList, defaultRole, adminRole, selfSignup, sources: [...new Set(auth.sources)].sort((a, b) => a - b) };
}

function dedupeOwnershipRules(draft: Draft): void {
  const merged = new Map<string, { actions: Set<string>; sources: Set<number> }>();
  const rest = [];
  for (const rule of draft.rules) {
    if (rule.kind !== 'ownership') {
      rest.push(rule);
      continue;
    }
    const entry = merged.get(rule.entity) ?? { actions: new Set(), sources: new Set() };
    rule.actions.forEach((a) => entry.actions.add(a));
    rule.sources.forEach((s) => entry.sources.add(s));
    merged.set(rule.entity, entry);
  }
  const order = ['create', 'read', 'update', 'delete'] as const;
  const ownership = [...merged].map(([entity, entry]) => ({
    kind: 'ownership' as const,
    entity,
    actions: order.filter((a) => entry.actions.has(a)),
    sources: [...entry.sources].sort((a, b) => a - b),
  }));
  draft.rules = [...ownership, ...rest];
}

function finish(text: string, options: ExtractOptions, sentences: SentenceInfo[], draft: Draft, auth: Auth): ProjectSpec {
  const title = deriveTitle(sentences, options.projectName);
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  const entities = draft.entities.map((e) => ({
    name: e.name,
    label: humanize(e.name).slice(0, 100) || e.name,
    pluralLabel: humanize(pluralizeName(e.name)).slice(0, 100) || e.name,
    fields: e.fields.map(toSpecField),
    ...(e.ownerRelation ? { ownerRelation: e.ownerRelation } : {}),
    sources: sorted(e.sources),
  }));
  const relations = draft.relations.map((r) => ({ ...r, sources: sorted(r.sources) }));
  const candidate = {
    specVersion: SPEC_VERSION,
    name: deriveName(title),
    title,
    description: sentences[0].text.slice(0, 2000),
    requirements: { text, sentences: sentences.map((s) => ({ id: s.id, text: s.text, ...(s.heading ? { heading: true } : {}) })) },
    entities,
    relations,
    auth,
    rules: draft.rules,
    unimplemented: draft.unimplemented,
    notUnderstood: draft.notUnderstood,
    pages: buildPages({ entities, auth } as Pick<ProjectSpec, 'entities' | 'auth'>),
    warnings: draft.warnings,
  } as ProjectSpecInput;
  return repair(candidate, text, options, sentences);
}

/**
 * The last guarantee of "nothing dropped silently": a sentence that was read but that nothing in
 * the final model cites (what it gave was merged away or failed validation) is listed with why.
 */
function accountForEverySentence(spec: ProjectSpec): ProjectSpec {
  const missing = accountSentences(spec).filter((a) => a.status === 'unaccounted');
  const unbuiltRules = rulesNotBuilt(spec);
  if (!missing.length && !unbuiltRules.length) return spec;
  const notUnderstood = [
    ...spec.notUnderstood,
    ...unbuiltRules,
    ...missing.map((a) => ({
      text: a.text.slice(0, 2000),
      reason: 'Read, but nothing in the data model comes from this sentence (it may describe the organisation or the context, or what it named was merged into another record).',
      sources: [a.id],
      suggestions: [],
    })),
  ];
  return { ...spec, notUnderstood };
}

const RULE_LANGUAGE = /\b(?:only|must(?:n't| not)?|cannot|can't|can not|may not|not allowed|never|at most|at least|no more than|no less than|unique|twice|maximum|minimum|max|min|limited to|up to|must be (?:after|before)|overlap\w*|double[- ]book\w*)\b|→|->/;

/**
 * A sentence that reads like a rule but from which no rule (nor a field limit) was built, and that
 * nothing lists yet: said, so a dropped rule is never silent.
 */
function rulesNotBuilt(spec: ProjectSpec): ProjectSpec['notUnderstood'] {
  // How many rules (and field limits) each sentence gave.
  const ruled = new Map<number, number>();
  const count = (sources: readonly number[]) => sources.forEach((s) => ruled.set(s, (ruled.get(s) ?? 0) + 1));
  for (const rule of spec.rules) count(rule.sources);
  for (const entity of spec.entities) {
    for (const field of entity.fields) if (field.min !== undefined || field.max !== undefined || field.unique) count(field.sources);
  }
  const listed = new Set([...spec.notUnderstood, ...spec.unimplemented].flatMap((n) => n.sources));
  const out: ProjectSpec['notUnderstood'] = [];
  for (const sentence of spec.requirements.sentences) {
    if (sentence.heading || listed.has(sentence.id) || !RULE_LANGUAGE.test(sentence.text.toLowerCase())) continue;
    // "one active permit per vehicle; a resident can hold at most 2 permits": each clause with rule
    // language should give a rule; the clauses beyond the rules built are said.
    const clauses = sentence.text.split(/;|\.\s|,\s*(?:and|but)\s|\s(?:and|but)\s(?=(?:only|no|nobody|each|every)\b)/i).filter((c) => RULE_LANGUAGE.test(c.toLowerCase()));
    const built = ruled.get(sentence.id) ?? 0;
    if (built >= Math.max(1, clauses.length)) continue;
    if (built > 0) {
      out.push({
        text: sentence.text.slice(0, 2000),
        reason: `This sentence reads like ${clauses.length} rules, but only ${built} could be built; check the others and add them as rules, or ignore them.`,
        sources: [sentence.id],
        suggestions: [],
      });
      continue;
    }
    out.push({
      text: sentence.text.slice(0, 2000),
      reason: 'Reads like a business rule, but Takoss could not turn it into one (the records, fields or roles it names were not all found). Add it as a rule, or ignore it.',
      sources: [sentence.id],
      suggestions: [],
    });
  }
  return out;
}

/**
 * One entity without what a problem names: its owner link, or a field's contradictory bounds, bad
 * default, or duplicate (the first of the same name stays).
 */
function repairEntity(entity: ProjectSpec['entities'][number], problems: string[]): ProjectSpec['entities'][number] {
  const about = (prefix: string) => problems.some((p) => p.startsWith(prefix));
  let next = entity;
  if (about(`${entity.name}.ownerRelation`) || about(`${entity.name} is user-owned`)) next = { ...next, ownerRelation: undefined };
  const seen = new Set<string>();
  const fields = next.fields
    .filter((field) => {
      const duplicate = seen.has(field.name);
      seen.add(field.name);
      return !duplicate && !problems.includes(`${entity.name}.${field.name} is a reserved name`);
    })
    .map((field) => {
      if (!about(`${entity.name}.${field.name} `)) return field;
      const { min: _min, max: _max, ...rest } = field;
      const repaired = about(`${entity.name}.${field.name} must be at least`) ? rest : field;
      return about(`${entity.name}.${field.name} defaults to`) ? { ...repaired, default: undefined } : repaired;
    });
  return { ...next, fields };
}

/** Drops whatever still fails validation (never expected, but the contract is "always valid"). */
function repair(candidate: ProjectSpecInput, text: string, options: ExtractOptions, sentences: SentenceInfo[]): ProjectSpec {
  let parsed = ProjectSpec.safeParse(candidate);
  if (!parsed.success) {
    return emptySpec(text, options, [...(candidate.warnings ?? []), `The extracted spec was invalid (${parsed.error.issues[0]?.message}); it was reset.`], sentences);
  }
  let spec = parsed.data;
  for (let round = 0; round < 3; round++) {
    const problems = validateSpec(spec);
    if (!problems.length) return accountForEverySentence(spec);
    const keepRule = (rule: (typeof spec.rules)[number]) => !validateSpec({ ...spec, rules: [rule] }).some((p) => p.startsWith('Rule'));
    const badRelation = (r: (typeof spec.relations)[number]) => problems.some((p) => p.startsWith(`Relation ${r.from}.${r.name}`));
    spec = {
      ...spec,
      relations: spec.relations.filter((r) => !badRelation(r)),
      rules: spec.rules.filter(keepRule),
      entities: spec.entities.map((e) => repairEntity(e, problems)),
      warnings: [...spec.warnings, ...problems.map((p) => `Dropped while checking the spec: ${p}`)],
    };
    parsed = ProjectSpec.safeParse(spec);
    if (!parsed.success) break;
  }
  if (!validateSpec(spec).length) return accountForEverySentence(spec);
  if (validateSpec(spec).length) return emptySpec(text, options, [...spec.warnings, 'The extracted spec had inconsistencies that could not be repaired; it was reset.'], sentences);
  return spec;
}
