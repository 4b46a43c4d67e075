// Who owns what: records a user makes or acts on belong to that user (an owner relation to User
// and an ownership rule), from the text's owner cues and from what is known about the noun.
import { camelCase, pluralizeName } from '../../model/project/naming';
import { addRelation, findEntity, type Draft } from './draft';
import { knownNoun } from './knowledge';
import { COLLECTIVE_PEOPLE } from './lexicon';
import type { OwnerIntent } from './relations';

/** Gives an entity its owner relation to User (the one the text wrote, or a new one); false when it cannot have one. */
export type EnsureOwner = (entityName: string, source: number, role?: string) => boolean;

/** Links to the user a record is made with ("book appointments with a doctor"): a party to it, never its owner. */
export const PARTY_LINKS = new WeakSet<object>();

export function ownerLinker(draft: Draft): EnsureOwner {
  return (entityName, source, role = '') => {
    const entity = findEntity(draft, entityName);
    if (!entity || entity.name === 'User' || !findEntity(draft, 'User')) return false;
    if (entity.ownerRelation) return true;
    // A relation to User written in the text ("a loan records the member") is the owner.
    const existing = draft.relations.find((r) => r.kind === 'belongsTo' && r.from === entity.name && r.to === 'User' && r.required && !PARTY_LINKS.has(r) && (!role || r.name === camelCase(role)));
    if (existing) {
      entity.ownerRelation = existing.name;
      return true;
    }
    // (One of the staff is a staff member.)
    const specific = role && !['admin', 'member', 'user'].includes(role) ? camelCase(COLLECTIVE_PEOPLE.has(role) ? `${role} member` : role) : '';
    // Rows that record a user's action ("favorite", "vote") belong to that user.
    const action = ['favorite', 'vote', 'like', 'bookmark', 'follow', 'subscription', 'enrollment', 'enrolment'].includes(entity.key);
    const name = specific || (knownNoun(entity.key)?.authored ? 'author' : action ? 'user' : 'owner');
    const inverseName = name === 'owner' ? camelCase(`owned ${pluralizeName(entity.name)}`) : undefined;
    const relation = addRelation(draft, { from: entity.name, to: 'User', name, inverseName, required: true, onDelete: 'cascade' }, source);
    if (!relation) return false;
    entity.ownerRelation = relation.name;
    draft.used.add(source);
    return true;
  };
}

/** Ownership from the text's owner cues, then (with sign-in) for every record that is known to be authored. */
export function addOwnership(draft: Draft, owners: OwnerIntent[], signIn: boolean, ensureOwner: EnsureOwner): void {
  const runByStaff = staffManaged(draft, owners);
  for (const owner of owners) {
    if (runByStaff.has(owner.entity)) continue;
    if (ensureOwner(owner.entity, owner.source, owner.role)) {
      draft.rules.push({ kind: 'ownership', entity: owner.entity, actions: ['update', 'delete'], sources: [owner.source] });
    }
  }
  if (!signIn) return;
  for (const entity of draft.entities) {
    if (entity.ownerRelation || runByStaff.has(entity.name) || !knownNoun(entity.key)?.authored) continue;
    const source = Math.min(...entity.sources);
    if (ensureOwner(entity.name, source)) draft.rules.push({ kind: 'ownership', entity: entity.name, actions: ['update', 'delete'], sources: [source] });
  }
}

/** One ownership rule per entity (its actions and sources merged), ahead of the other rules. */
export function dedupeOwnershipRules(draft: Draft): void {
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

/** Staff who keep a place's records for everyone (not organisers or editors, whose events and articles are their own). */
const SHARED_STAFF = new Set(['admin', 'librarian', 'receptionist', 'staff', 'clerk', 'operator', 'cashier', 'manager', 'coordinator']);

/**
 * "Librarians add books", "admins add products": a record only staff make is the place's, kept by
 * that role, not owned by the one librarian who typed it in (other librarians could not fix it, and
 * every member could add books). It gets a role rule instead of an owner; a record others make too
 * ("patients book appointments" as well) keeps its owners.
 */
function staffManaged(draft: Draft, owners: OwnerIntent[]): Set<string> {
  const managed = new Set<string>();
  const byEntity = new Map<string, OwnerIntent[]>();
  for (const owner of owners) byEntity.set(owner.entity, [...(byEntity.get(owner.entity) ?? []), owner]);
  for (const [entity, intents] of byEntity) {
    // (What staff submit, "staff submit leave requests", is each one's own application, not the place's.)
    if (!intents.every((i) => SHARED_STAFF.has(i.role) && !i.submitted)) continue;
    managed.add(entity);
    const roles = [...new Set(intents.map((i) => i.role))];
    draft.rules.push({ kind: 'roleRequired', entity, actions: ['create', 'update', 'delete'], roles, sources: [...new Set(intents.map((i) => i.source))] });
    for (const intent of intents) draft.used.add(intent.source);
  }
  return managed;
}
