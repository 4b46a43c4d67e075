// The change verbs the requirements extractor never meets, because they only make sense against
// an existing model: remove, rename and make (required, optional, unique, another type). Each
// reader takes a sentence it recognises and returns the edited spec with what it did, or a reason
// it could not; undefined leaves the sentence to the extractor's readers.
import * as edit from '../../model/project/edit';
import { camelCase, pascalCase, singularizeWord } from '../../model/project/naming';
import type { ProjectSpec } from '../../model/project/projectSpec';
import { typeFromHint } from '../extract/types';
import { splitTop } from '../extract/fieldItems';
import type { SpecRenames } from '../update/schemaRenames';
import { entityList, entityNamed, fieldNamed, phraseWords, relationNamed } from './names';

/** An edited spec and what was done (with what it renamed, named as the spec was), or why not. */
export type CommandResult = { spec: ProjectSpec; applied: string[]; renames?: SpecRenames } | { reason: string };
type Entity = ProjectSpec['entities'][number];

/** "the notes field from visits", "visits' notes", "the email of members": which entity's which field. */
export interface Target {
  entity: Entity;
  phrase: string;
}

const OF = /^(.+?)\s+(?:field\s+|column\s+|attribute\s+)?(?:of|from|on|in|for)\s+(?:the\s+|all\s+|each\s+|every\s+|a\s+|an\s+)?(.+)$/;

/** Reads "<field> of <entity>" or "<entity>'s <field>"; the reason when the entity is unknown. */
export function targetOf(spec: ProjectSpec, phrase: string): Target | { reason: string } | undefined {
  const text = phrase.trim().replace(/[.!]+$/, '');
  const possessive = /^(?:the\s+|a\s+|an\s+)?([a-z][a-z ]*?)['’]s?\s+(.+)$/i.exec(text);
  if (possessive) {
    const entity = entityNamed(spec, possessive[1]);
    if (entity) return { entity, phrase: possessive[2] };
  }
  const of = OF.exec(text);
  if (!of) return undefined;
  const entity = entityNamed(spec, of[2]);
  return entity ? { entity, phrase: of[1] } : { reason: `There is no entity called "${of[2]}" in this project (entities: ${entityList(spec)}).` };
}

const listOf = (phrase: string): string[] => splitTop(phrase, /\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/y);

/** "remove the notes field from visits", "drop phone and email from members", "delete the Genre entity". */
export function readRemove(spec: ProjectSpec, plain: string): CommandResult | undefined {
  const removal = /^(?:please\s+)?(?:remove|delete|drop|get rid of)\s+(.+)$/.exec(plain) ?? /^(.+?)\s+(?:is|are)\s+no longer\s+(?:needed|used|wanted|required)$/.exec(plain);
  const noLonger = /^(.+?)\s+(?:no longer|don't|do not|doesn't|does not)\s+(?:need|have|has|track|store|record)\s+(?:an?\s+|the\s+|their\s+|its\s+)?(.+)$/.exec(plain);
  if (noLonger) return removeFields(spec, noLonger[1], noLonger[2]);
  if (!removal) return undefined;
  const target = targetOf(spec, removal[1]);
  if (target && 'reason' in target) return target;
  if (target) return removeFields(spec, target.entity.name, target.phrase);
  const entity = entityNamed(spec, removal[1]);
  if (!entity) return { reason: `Nothing called "${removal[1]}" to remove: name an entity (${entityList(spec)}) or a field with its entity ("the notes field from visits").` };
  return tryEdit(() => ({ spec: edit.deleteEntity(spec, entity.name), applied: [`Entity ${entity.name} removed, with its relations and rules`] }));
}

function removeFields(spec: ProjectSpec, entityPhrase: string, fieldsPhrase: string): CommandResult {
  const entity = entityNamed(spec, entityPhrase);
  if (!entity) return { reason: `There is no entity called "${entityPhrase}" in this project (entities: ${entityList(spec)}).` };
  let next = spec;
  const applied: string[] = [];
  for (const phrase of listOf(fieldsPhrase)) {
    const field = fieldNamed(entity, phrase);
    const relation = field ? undefined : relationNamed(spec, entity.name, phrase);
    if (!field && !relation) return { reason: `${entity.name} has no field or link called "${phrase}" (fields: ${entity.fields.map((f) => f.name).join(', ')}).` };
    const done = tryEdit(() =>
      field
        ? { spec: edit.deleteField(next, entity.name, field.name), applied: [`${entity.name} loses ${field.name}`] }
        : { spec: edit.deleteRelation(next, entity.name, relation!.name), applied: [`${entity.name} loses its link ${relation!.name} to ${relation!.to}`] },
    );
    if ('reason' in done) return done;
    next = done.spec;
    applied.push(...done.applied);
  }
  return { spec: next, applied };
}

/** "rename members to customers", "rename the notes field of visits to remarks", "members should be called customers". */
export function readRename(spec: ProjectSpec, plain: string): CommandResult | undefined {
  const m = /^(?:please\s+)?(?:rename|call)\s+(.+?)\s+(?:to|as|into)\s+(.+)$/.exec(plain) ?? /^(.+?)\s+(?:should|must|will|shall)\s+(?:now\s+)?be\s+(?:called|named|renamed(?:\s+to)?)\s+(.+)$/.exec(plain);
  if (!m) return undefined;
  const [from, to] = [m[1], m[2].replace(/^["'“]|["'”]$/g, '')];
  const entity = entityNamed(spec, from);
  if (entity) {
    const ws = phraseWords(to);
    const name = pascalCase([...ws.slice(0, -1), singularizeWord(ws[ws.length - 1] ?? '')].join(' '));
    return tryEdit(() => ({ spec: edit.renameEntity(spec, entity.name, name), applied: [`Entity ${entity.name} renamed to ${name}`], renames: { entities: [{ from: entity.name, to: name }] } }));
  }
  const target = targetOf(spec, from) ?? soleFieldOwner(spec, from);
  if (!target) return { reason: `Nothing called "${from}" to rename: name an entity (${entityList(spec)}) or a field with its entity.` };
  if ('reason' in target) return target;
  const field = fieldNamed(target.entity, target.phrase);
  if (!field) return { reason: `${target.entity.name} has no field called "${target.phrase}".` };
  const name = camelCase(phraseWords(to).join(' '));
  const renames = { fields: [{ entity: target.entity.name, from: field.name, to: name }] };
  return tryEdit(() => ({ spec: edit.renameField(spec, target.entity.name, field.name, name), applied: [`${target.entity.name}.${field.name} renamed to ${name}`], renames }));
}

/** A field named without its entity: the one entity that has it. */
function soleFieldOwner(spec: ProjectSpec, phrase: string): Target | { reason: string } | undefined {
  const owners = spec.entities.filter((e) => fieldNamed(e, phrase));
  if (owners.length === 1) return { entity: owners[0], phrase };
  return owners.length ? { reason: `"${phrase}" is a field of ${owners.map((e) => e.name).join(' and ')}: say which ("${phrase} of ${owners[0].pluralLabel.toLowerCase()}").` } : undefined;
}

const FLAG = /^(required|mandatory|optional|unique|not unique)$/;

/** "make the phone of members required", "the email of members should be optional", "change the rating of reviews to an integer". */
export function readMake(spec: ProjectSpec, plain: string): CommandResult | undefined {
  const m =
    /^(?:please\s+)?(?:make|set|mark|change|turn)\s+(.+)\s+(?:to\s+|into\s+|as\s+)?((?:an?\s+)?[a-z-]+(?:\s[a-z-]+)?|not unique)$/.exec(plain) ??
    /^(.+?)\s+(?:should|must|will|shall|is to|has to)\s+(?:now\s+)?be\s+((?:an?\s+)?[a-z-]+(?:\s[a-z-]+)?)$/.exec(plain) ??
    /^(.+?)\s+(?:is|are)\s+(?:now\s+)?(required|mandatory|optional)$/.exec(plain);
  if (!m) return undefined;
  // ("make the email of members not unique": the greedy subject took the "not".)
  const negated = /\snot$/.test(m[1]) && m[2].trim() === 'unique';
  const wanted = negated ? 'not unique' : m[2].trim();
  const type = typeFromHint(wanted);
  if (!FLAG.test(wanted) && !type) return undefined;
  // ("change the capacity of events to a decimal": the greedy subject ends before "to a".)
  const subject = m[1].replace(/\snot$/, '').replace(/\s+(?:to|into|as)(?:\s+an?)?$|\s+an?$/, '');
  const target = targetOf(spec, subject) ?? soleFieldOwner(spec, subject);
  if (!target) return undefined;
  if ('reason' in target) return target;
  const field = fieldNamed(target.entity, target.phrase);
  if (!field) return { reason: `${target.entity.name} has no field called "${target.phrase}" (fields: ${target.entity.fields.map((f) => f.name).join(', ')}).` };
  const patch: edit.FieldPatch = type && !FLAG.test(wanted) ? { type: type.type } : wanted === 'optional' ? { required: false } : /unique/.test(wanted) ? { unique: !wanted.startsWith('not') } : { required: true };
  const said = patch.type ? `a ${patch.type}` : patch.required !== undefined ? (patch.required ? 'required' : 'optional') : patch.unique ? 'unique' : 'not unique';
  const unchanged = Object.entries(patch).every(([k, v]) => field[k as keyof typeof field] === v);
  if (unchanged) return { spec, applied: [`${target.entity.name}.${field.name} is already ${said}: unchanged`] };
  return tryEdit(() => ({ spec: withoutUniqueRule(edit.updateField(spec, target.entity.name, field.name, patch), target.entity.name, field.name, patch), applied: [`${target.entity.name}.${field.name} is now ${said}`] }));
}

/** "not unique" also drops the one-field uniqueness rule that would still enforce it. */
function withoutUniqueRule(spec: ProjectSpec, entity: string, field: string, patch: edit.FieldPatch): ProjectSpec {
  if (patch.unique !== false) return spec;
  const at = spec.rules.findIndex((r) => r.kind === 'unique' && r.entity === entity && r.fields.length === 1 && r.fields[0] === field);
  return at === -1 ? spec : withoutUniqueRule(edit.deleteRule(spec, at), entity, field, patch);
}

function tryEdit(run: () => Exclude<CommandResult, { reason: string }>): CommandResult {
  try {
    return run();
  } catch (error) {
    if (error instanceof edit.SpecEditError) return { reason: error.message };
    throw error;
  }
}
