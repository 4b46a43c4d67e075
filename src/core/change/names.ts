// Names in a change sentence resolved against the current spec: an entity by its name, label or
// plural label in any case and number ("classes", "Class", "purchase orders"), a field by its
// name or label ("phone number" -> phoneNumber), or a relation by its name.
import { singularizeWord, words } from '../../model/project/naming';
import type { ProjectSpec } from '../../model/project/projectSpec';
import { USER_ENTITY } from '../../model/project/specIndex';
import { USER_WORDS } from '../extract/lexicon';

type Entity = ProjectSpec['entities'][number];

/** Lower-case words of a phrase without articles, possessives and quotes. */
export function phraseWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/['’]s\b|s['’](?=\s|$)/g, (m) => (m.startsWith('s') ? 's' : ''))
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !/^(?:the|a|an|all|each|every|any|its|their|our|my|existing|current)$/.test(w));
}

const singularPhrase = (ws: string[]): string => [...ws.slice(0, -1), singularizeWord(ws[ws.length - 1] ?? '')].join(' ');

/** The entity a phrase names ("members", "a purchase order", "Classes"), or undefined. */
export function entityNamed(spec: ProjectSpec, phrase: string): Entity | undefined {
  const ws = phraseWords(phrase).filter((w) => !/^(?:entity|entities|record|records|table|tables|model|models)$/.test(w));
  if (!ws.length) return undefined;
  const wanted = new Set([ws.join(' '), singularPhrase(ws)]);
  const found = spec.entities.find((e) => [words(e.name).join(' '), e.label.toLowerCase(), e.pluralLabel.toLowerCase()].some((n) => wanted.has(n)));
  if (found) return found;
  // "users", "accounts", "people", or a sign-in role ("members" with a member role): the accounts of sign-in.
  const roles = spec.auth.kind === 'emailPassword' ? spec.auth.roles : [];
  const account = ws.length === 1 && (USER_WORDS.has(ws[0]) || roles.includes(singularizeWord(ws[0])));
  return account ? spec.entities.find((e) => e.name === USER_ENTITY) : undefined;
}

/** A field of the entity named by a phrase ("phone number", "phoneNumber", "the notes field"). */
export function fieldNamed(entity: Entity, phrase: string): Entity['fields'][number] | undefined {
  const ws = phraseWords(phrase).filter((w) => !/^(?:field|fields|column|columns|attribute|attributes|property|properties)$/.test(w));
  if (!ws.length) return undefined;
  const wanted = new Set([ws.join(' '), singularPhrase(ws)]);
  return entity.fields.find((f) => wanted.has(words(f.name).join(' ')) || wanted.has(f.label.toLowerCase().replace(/\s*\([^)]*\)$/, '')));
}

/** A belongsTo or many-to-many relation of the entity named by a phrase ("the genres", "borrower"). */
export function relationNamed(spec: ProjectSpec, entity: string, phrase: string): ProjectSpec['relations'][number] | undefined {
  const ws = phraseWords(phrase).filter((w) => !/^(?:link|links|relation|relations|relationship)$/.test(w));
  const wanted = new Set([ws.join(' '), singularPhrase(ws)]);
  return spec.relations.find((r) => r.from === entity && (wanted.has(words(r.name).join(' ')) || wanted.has(singularPhrase(words(r.name)))));
}

/** The names a reader may use, for "no entity called X (entities: …)". */
export const entityList = (spec: ProjectSpec): string => spec.entities.map((e) => e.name).join(', ') || 'none';
