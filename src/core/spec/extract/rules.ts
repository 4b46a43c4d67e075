// Business rules the generator can enforce: capacity, unique, noOverlap, ownership,
// roleRequired and status workflows. Each rule is only added when every field and relation it
// refers to exists, so the spec stays valid.
import type { Rule } from '../projectSpec';
import { addField, addRelation, findEntity, type Draft, type DraftEntity } from './draft';
import { STAFF_ROLES, singular, tokenize } from './lexicon';
import { findMentions } from './mentions';
import type { SentenceInfo } from './sentences';
import { parseItems } from './fields';

type Action = 'create' | 'read' | 'update' | 'delete';

const CAPACITY_FIELD = /^(capacity|copies|numberOfCopies|seats|maxAttendees|maxParticipants|spots|places|slots|maxCapacity|totalCopies|availableCopies|quantity|stock)$/;
const ORDERED = ['draft', 'new', 'todo', 'to_do', 'backlog', 'open', 'pending', 'requested', 'submitted', 'booked', 'scheduled', 'confirmed', 'approved', 'accepted', 'paid', 'in_progress', 'processing', 'in_review', 'review', 'packed', 'shipped', 'delivered', 'done', 'completed', 'resolved', 'closed', 'returned', 'archived'];
const TERMINAL_SIDE = new Set(['cancelled', 'canceled', 'rejected', 'declined', 'failed', 'no_show', 'refunded']);

function actionsIn(text: string): Action[] {
  const actions = new Set<Action>();
  if (/\b(create|add|post|submit|make)\b/.test(text)) actions.add('create');
  if (/\b(edit|update|change|modify|manage)\b/.test(text)) actions.add('update');
  if (/\b(delete|remove|manage)\b/.test(text)) actions.add('delete');
  if (/\bmanage\b/.test(text)) actions.add('create');
  if (/\b(see|view|read|access)\b/.test(text)) actions.add('read');
  return (['create', 'read', 'update', 'delete'] as Action[]).filter((a) => actions.has(a));
}

function push(draft: Draft, rule: Rule): void {
  const key = JSON.stringify({ ...rule, sources: [] });
  const existing = draft.rules.find((r) => JSON.stringify({ ...r, sources: [] }) === key);
  if (existing) {
    for (const s of rule.sources) if (!existing.sources.includes(s)) existing.sources.push(s);
    return;
  }
  draft.rules.push(rule);
  for (const s of rule.sources) draft.used.add(s);
}

function parentRelation(draft: Draft, child: string, parent: string, source: number) {
  return draft.relations.find((r) => r.kind === 'belongsTo' && r.from === child && r.to === parent) ?? addRelation(draft, { from: child, to: parent, required: true, onDelete: 'cascade' }, source);
}

function capacityRule(draft: Draft, sentence: SentenceInfo, named: string[]): void {
  const plain = sentence.plain;
  if (!/\b(capacity|full|sold out|fully booked|no (?:free |more )?(?:copy|copies|seats?|spots?|places?|rooms?|slots?) (?:is |are )?(?:free|available|left))\b/.test(plain)) return;
  if (!/\b(refused|rejected|cannot|can't|can not|not allowed|no more|once|prevent|blocked|only if|until|when no|is reached|exceeded|full)\b/.test(plain)) return;
  const hasCap = (e: DraftEntity) => e.fields.find((f) => f.type === 'integer' && CAPACITY_FIELD.test(f.name));
  const parents = draft.entities.filter((e) => hasCap(e));
  const parent = parents.find((e) => named.includes(e.name)) ?? (parents.length === 1 ? parents[0] : undefined);
  if (!parent) return;
  const field = hasCap(parent)!;
  const children = draft.entities.filter((e) => e !== parent && e.name !== 'User' && draft.relations.some((r) => r.from === e.name && r.to === parent.name && r.kind === 'belongsTo'));
  const child = children.find((e) => named.includes(e.name)) ?? children.find((e) => e.fields.some((f) => /^return/.test(f.name))) ?? (children.length ? children[0] : draft.entities.find((e) => e !== parent && named.includes(e.name) && e.name !== 'User'));
  if (!child) return;
  const relation = parentRelation(draft, child.name, parent.name, sentence.id);
  if (!relation) return;
  const active = /\b(free|available|returned|left|back)\b/.test(plain) ? child.fields.find((f) => /^(return|returned|end|checkedIn)/.test(f.name) && (f.type === 'date' || f.type === 'datetime')) : undefined;
  const rule: Rule = { kind: 'capacity', entity: child.name, relation: relation.name, capacityField: field.name, sources: [sentence.id] };
  if (active) rule.activeWhenNull = active.name;
  push(draft, rule);
}

function uniqueRule(draft: Draft, sentence: SentenceInfo, named: string[]): void {
  const match = /\bunique ([a-z][a-z ]{1,40})/.exec(sentence.plain);
  if (!match) return;
  const item = parseItems(match[1])[0];
  const entity = findEntity(draft, named.find((n) => n !== 'User') ?? '');
  if (!item || !entity) return;
  const field = addField(entity, { words: item.words, type: item.words.includes('email') ? 'email' : 'string', required: true, unique: true }, sentence.id);
  if (field) push(draft, { kind: 'unique', entity: entity.name, fields: [field.name], sources: [sentence.id] });
}

function overlapRule(draft: Draft, sentence: SentenceInfo, named: string[]): void {
  if (!/\b(overlap\w*|double[- ]book\w*|at the same time|clash\w*)\b/.test(sentence.plain)) return;
  const entity = [...named].reverse().map((n) => findEntity(draft, n)).find((e) => e && e.fields.some((f) => f.type === 'datetime' || f.type === 'date'));
  if (!entity) return;
  const scope = draft.relations.find((r) => r.kind === 'belongsTo' && r.from === entity.name && named.includes(r.to) && r.to !== entity.name);
  const start = entity.fields.find((f) => (f.type === 'datetime' || f.type === 'date') && /start|begin|from|time|date/i.test(f.name));
  const end = entity.fields.find((f) => f !== start && (f.type === 'datetime' || f.type === 'date') && /end|until|to$|finish/i.test(f.name));
  const duration = entity.fields.find((f) => f.type === 'integer' && /duration|length|minutes/i.test(f.name));
  if (!scope || !start || (!end && !duration)) return;
  const rule: Rule = { kind: 'noOverlap', entity: entity.name, scope: scope.name, start: start.name, sources: [sentence.id] };
  if (end) rule.end = end.name;
  else if (duration) rule.durationMinutesField = duration.name;
  push(draft, rule);
}

function onlyRule(draft: Draft, sentence: SentenceInfo, named: string[], roles: string[], ensureOwner: (entity: string, source: number) => boolean): void {
  const match = /\bonly (?:the |an? )?([a-z]+)s? (?:can|may|are allowed to|is allowed to|should be able to)\s+(.*)$/.exec(sentence.plain);
  if (!match) return;
  const who = singular(match[1]);
  const actions = actionsIn(match[2]);
  if (!actions.length) return;
  const everything = /\b(things|anything|everything|records|data|items|entries|all)\b/.test(match[2]);
  const targets = everything ? draft.entities.filter((e) => e.name !== 'User').map((e) => e.name) : named.filter((n) => n !== 'User');
  if (!targets.length) return;
  if (['author', 'owner', 'creator', 'poster', 'uploader', 'writer'].includes(who)) {
    for (const entity of targets) if (ensureOwner(entity, sentence.id)) push(draft, { kind: 'ownership', entity, actions, sources: [sentence.id] });
    return;
  }
  const role = STAFF_ROLES[who] ?? who;
  if (!roles.includes(role)) return;
  for (const entity of targets) push(draft, { kind: 'roleRequired', entity, actions, roles: [role], sources: [sentence.id] });
}

/** "The owner manages products and categories" -> only that role may create/update/delete them. */
function manageRule(draft: Draft, sentence: SentenceInfo, roles: string[], roleWords: Set<string>): void {
  const match = /^(?:the |only )?([a-z]+?)s? (?:can |may )?(?:manages?|maintains?|administers?)\s+(.*)$/.exec(sentence.plain);
  if (!match) return;
  const role = STAFF_ROLES[match[1]] ?? STAFF_ROLES[singular(match[1])];
  if (!role || !roles.includes(role)) return;
  const objects = match[2].split(/\band (?=\w+s\b)(?!\w+ies\b)(?=(?:updates|sees|views|approves|edits|deletes|creates|adds|reviews|handles|runs|checks)\b)/)[0];
  const targets = findMentions(draft, objects, roleWords).mentions.map((m) => m.entity).filter((n) => n !== 'User');
  for (const entity of [...new Set(targets)]) push(draft, { kind: 'roleRequired', entity, actions: ['create', 'update', 'delete'], roles: [role], sources: [sentence.id] });
}

function workflowRules(draft: Draft): void {
  // Only statuses the text wrote down; assumed default fields get no workflow.
  for (const entity of draft.entities.filter((e) => e.fieldsFromText)) {
    for (const field of entity.fields) {
      if (field.type !== 'enum' || !/^(status|state|stage)$/.test(field.name) || !field.enumValues) continue;
      const main = field.enumValues.filter((v) => !TERMINAL_SIDE.has(v));
      const side = field.enumValues.filter((v) => TERMINAL_SIDE.has(v));
      if (main.length < 2 || !main.every((v) => ORDERED.includes(v))) continue;
      const ranks = main.map((v) => ORDERED.indexOf(v));
      if (!ranks.every((r, i) => i === 0 || r > ranks[i - 1])) continue;
      const transitions: Array<{ from: string; to: string }> = [];
      for (let i = 0; i + 1 < main.length; i++) transitions.push({ from: main[i], to: main[i + 1] });
      for (const s of side) for (const v of main.slice(0, -1)) transitions.push({ from: v, to: s });
      push(draft, { kind: 'statusWorkflow', entity: entity.name, field: field.name, initial: main[0], transitions, sources: [...field.sources].sort((a, b) => a - b) });
    }
  }
}

export function findRules(
  draft: Draft,
  sentences: SentenceInfo[],
  roles: string[],
  roleWords: Set<string>,
  ensureOwner: (entity: string, source: number) => boolean,
): void {
  for (const sentence of sentences) {
    if (sentence.optional) continue;
    const named = [...new Set(findMentions(draft, sentence.plain, roleWords).mentions.map((m) => m.entity))];
    // "no copy is free": the noun names the capacity, not an entity; nothing else needed.
    if (tokenize(sentence.plain).length > 120) continue;
    capacityRule(draft, sentence, named);
    uniqueRule(draft, sentence, named);
    overlapRule(draft, sentence, named);
    onlyRule(draft, sentence, named, roles, ensureOwner);
    manageRule(draft, sentence, roles, roleWords);
  }
  workflowRules(draft);
}
