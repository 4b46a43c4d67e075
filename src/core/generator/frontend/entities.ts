// One `src/entities/<entity>.ts` per entity: its zod schema (generated from the spec's field types,
// required flags and min/max) and the metadata the generic pages render from.
import type { LayerTable } from '../layerFiles';
import { jsValue, lineComment } from '../emit';
import { ownerExemptRoles, ownerOnlyActions } from '../ownership';
import { mustHaveText } from '../fieldMeaning';
import { humanize } from '../../../model/project/naming';
import { offsetMinutes } from '../../../model/project/ruleConditions';
import type { Field, Rule } from '../../../model/project/projectSpec';
import { fieldRoleRules, recordRoleRules, type RoleRule } from '../../../model/project/roleRules';
import { str, type ChildList, type FrontendEntity, type FrontendModel, type RelationPicker } from './model';

/** Variable names exported by the entity module. */
export function metaName(entity: FrontendEntity): string {
  return `${entity.names.camel}Meta`;
}

function numberBounds(field: Field, forString: boolean): string {
  let chain = '';
  if (forString) {
    if (field.min !== undefined) chain += `.refine((value) => Number(value) >= ${field.min}, ${str(`${field.label} must be at least ${field.min}`)})`;
    if (field.max !== undefined) chain += `.refine((value) => Number(value) <= ${field.max}, ${str(`${field.label} must be at most ${field.max}`)})`;
  } else {
    if (field.min !== undefined) chain += `.min(${field.min}, ${str(`${field.label} must be at least ${field.min}`)})`;
    if (field.max !== undefined) chain += `.max(${field.max}, ${str(`${field.label} must be at most ${field.max}`)})`;
  }
  return chain;
}

/** The zod expression validating one field of the JSON body. */
export function fieldSchema(field: Field): string {
  const label = str(field.label);
  let schema: string;
  switch (field.type) {
    case 'string':
    case 'text':
      // Required text is trimmed before the check, as the server does: spaces alone are no value.
      schema = `z.string({ error: needs(${label}, 'text') })${mustHaveText(field) ? '.trim()' : ''}.min(1, ${str(field.label + ' is required')})`;
      break;
    case 'integer':
      schema = `z.number({ error: needs(${label}, 'a number') }).int(${str(field.label + ' must be a whole number')})${numberBounds(field, false)}`;
      break;
    case 'decimal':
      schema = `z.string({ error: needs(${label}, 'a number') }).regex(/^-?\\d+(\\.\\d+)?$/, ${str(field.label + ' must be a number')})${numberBounds(field, true)}`;
      break;
    case 'money':
      schema = `z.string({ error: needs(${label}, 'an amount') }).regex(/^-?\\d+(\\.\\d{1,2})?$/, ${str(field.label + ' must be an amount like 12.50')})${numberBounds(field, true)}`;
      break;
    case 'boolean':
      schema = 'z.boolean()';
      break;
    case 'date':
      schema = `z.string({ error: needs(${label}, 'a date') }).regex(/^\\d{4}-\\d{2}-\\d{2}$/, ${str(field.label + ' must be a date')})`;
      break;
    case 'datetime':
      schema = `z.string({ error: needs(${label}, 'a date and time') }).refine((value) => !Number.isNaN(Date.parse(value)), ${str(
        field.label + ' must be a date and time',
      )})`;
      break;
    case 'enum':
      schema = `z.enum([${(field.enumValues ?? []).map(str).join(', ')}], { error: needs(${label}, 'one of the listed values') })`;
      break;
    case 'email':
      schema = `z.email({ error: needs(${label}, 'a valid email address') })`;
      break;
    case 'url':
      schema = `z.url({ error: needs(${label}, 'a valid URL (https://…)') })`;
      break;
  }
  return field.required ? schema : `${schema}.nullish()`;
}

function relationSchema(picker: RelationPicker): string {
  const schema = `z.number({ error: needs(${str(picker.label)}, 'chosen from the list') }).int().positive()`;
  return picker.required ? schema : `${schema}.nullish()`;
}

/** Roles per action that may give the field a value, from role rules on fields ("only managers can change prices"). */
function fieldRolesMeta(field: Field, rules: readonly Rule[]): string | undefined {
  const meta = rolesPerAction(fieldRoleRules(rules).filter((rule) => rule.fields.includes(field.name)), ['create', 'update']);
  return meta === '{}' ? undefined : meta;
}

/** `{ action: [roles] }` for the actions some of these role rules limit (several rules on one action: all must allow). */
function rolesPerAction(rules: readonly RoleRule[], actions: readonly string[]): string {
  const parts: string[] = [];
  for (const action of actions) {
    let allowed: string[] | null = null;
    for (const rule of rules) {
      if (!(rule.actions as string[]).includes(action)) continue;
      allowed = allowed === null ? [...rule.roles] : allowed.filter((role) => rule.roles.includes(role));
    }
    if (allowed !== null) parts.push(`${action}: [${allowed.map(str).join(', ')}]`);
  }
  return parts.length ? `{ ${parts.join(', ')} }` : '{}';
}

function fieldMeta(field: Field, entity?: FrontendEntity, rules: readonly Rule[] = []): string {
  const parts = [`name: ${str(field.name)}`, `label: ${str(field.label)}`, `kind: ${str(field.type)}`, `required: ${field.required}`];
  if (field.type === 'enum') {
    const options = (field.enumValues ?? []).map((value) => `{ value: ${str(value)}, label: ${str(humanize(value))} }`);
    parts.push(`options: [${options.join(', ')}]`);
  }
  if (field.default !== undefined) parts.push(`defaultValue: ${jsValue(field.default)}`);
  if (field.min !== undefined) parts.push(`min: ${field.min}`);
  if (field.max !== undefined) parts.push(`max: ${field.max}`);
  const roles = fieldRolesMeta(field, rules);
  if (roles) parts.push(`roles: ${roles}`);
  const workflow = entity?.workflows.get(field.name);
  if (workflow) {
    const next = Object.keys(workflow.next)
      .sort()
      .map((from) => `${from}: [${workflow.next[from].map(str).join(', ')}]`);
    parts.push(`workflow: { initial: ${str(workflow.initial)}, next: { ${next.join(', ')} } }`);
  }
  return `{ ${parts.join(', ')} }`;
}

/** How the entity's records are named (see displayField.ts): the same object wherever they appear. */
export function displayMeta(entity: FrontendEntity): string {
  const { fields, style } = entity.display;
  return `{ fields: [${fields.map((f) => str(f.name)).join(', ')}], style: ${str(style)}, entity: ${str(entity.entity.label)} }`;
}

function relationMeta(picker: RelationPicker, many: boolean): string {
  const target = picker.target;
  return `{ name: ${str(picker.relation.name)}, key: ${str(picker.key)}, label: ${str(picker.label)}, required: ${picker.required}, many: ${many}, optionsPath: ${str(
    target.apiPath,
  )}, display: ${displayMeta(target)}, route: ${str(target.route)} }`;
}

function list(items: string[], indent: string): string {
  return items.length ? `[\n${items.map((item) => `${indent}  ${item},`).join('\n')}\n${indent}]` : '[]';
}

const UI_ACTIONS = ['create', 'update', 'delete'] as const;

/** Roles per action from roleRequired rules (several rules on one action: all must allow). */
function rolesMeta(entity: FrontendEntity, model: FrontendModel): string {
  return rolesPerAction(recordRoleRules(model.index.rulesFor(entity.entity.name)), UI_ACTIONS);
}

function ownerMeta(entity: FrontendEntity, model: FrontendModel): string {
  const owner = entity.entity.ownerRelation;
  // Reading is decided by the API (a row you may not read never reaches the page).
  const rowActions = ownerOnlyActions(model.spec, entity.entity.name).filter((action) => action !== 'read');
  const actions = new Set<string>(rowActions);
  if (!owner || !actions.size) return 'null';
  const managers = rowActions
    .map((a) => [a, ownerExemptRoles(model.spec, entity.entity.name, a)] as const)
    .filter(([, roles]) => roles.length)
    .map(([a, roles]) => `${a}: [${roles.map(str).join(', ')}]`);
  return `{ key: ${str(owner + 'Id')}, actions: [${UI_ACTIONS.filter((a) => actions.has(a)).map(str).join(', ')}]${managers.length ? `, managers: { ${managers.join(', ')} }` : ''} }`;
}

/** The entity's refusals on its own values (FrontendEntity.refusals), for the pages to test on a loaded record. */
function refusalsMeta(entity: FrontendEntity): string {
  const items = entity.refusals.map((rule) => {
    const { op, value, offset } = rule.condition;
    const parts = [`actions: [${rule.actions.map(str).join(', ')}]`, `field: ${str(rule.field.name)}`, `kind: ${str(rule.field.type)}`, `op: ${str(op)}`];
    if (value !== undefined) parts.push(`value: ${jsValue(value)}`);
    const minutes = offsetMinutes(offset);
    if (minutes) parts.push(`offsetMinutes: ${minutes}`);
    parts.push(`message: ${str(rule.message)}`);
    if (rule.exceptRoles) parts.push(`exceptRoles: [${rule.exceptRoles.map(str).join(', ')}]`);
    return `{ ${parts.join(', ')} }`;
  });
  return list(items, '  ');
}

/** dateOrder rules as refinements: the message shows next to the later field, as the server's would. */
function dateOrderChecks(entity: FrontendEntity, model: FrontendModel): string {
  return model.index
    .rulesFor(entity.entity.name)
    .flatMap((rule) => {
      if (rule.kind !== 'dateOrder') return [];
      const label = (name: string) => entity.entity.fields.find((f) => f.name === name)?.label ?? name;
      const message = `${label(rule.later)} must be ${rule.allowEqual ? 'on or after' : 'after'} ${label(rule.earlier).toLowerCase()}`;
      const { earlier, later } = rule;
      return [
        `.refine((value) => value.${earlier} == null || value.${later} == null || Date.parse(value.${later}) ${rule.allowEqual ? '>=' : '>'} Date.parse(value.${earlier}), { message: ${str(message)}, path: [${str(later)}] })`,
      ];
    })
    .join('');
}

/** The zod object's properties: the fields, the editable parent keys and the many-to-many id lists. */
function schemaLines(entity: FrontendEntity): string[] {
  return [
    ...entity.entity.fields.map((field) => `  ${field.name}: ${fieldSchema(field)},`),
    ...entity.parents.map((picker) => `  ${picker.key}: ${relationSchema(picker)},`),
    ...entity.manyToMany.map((picker) => `  ${picker.key}: z.array(z.number().int().positive()).optional(),`),
  ];
}

/** One child list's metadata; a child of the same entity (self-relation) reuses this module's COLUMNS. */
function childMeta(entity: FrontendEntity, child: ChildList): string {
  const c = child.child;
  return `{ label: ${str(child.label)}, segment: ${str(child.segment)}, route: ${str(c.route)}, display: ${displayMeta(c)}, createKey: ${child.createKey ? str(child.createKey) : 'null'}, createLabel: ${str(`Add ${c.entity.label.toLowerCase()}`)}, columns: ${c.names.camel === entity.names.camel ? 'COLUMNS' : `[${c.columns
    .slice(0, 3)
    .map((field) => fieldMeta(field))
    .join(', ')}]`} }`;
}

/** The text of `src/entities/<entity>.ts`. */
function entityModule(entity: FrontendEntity, model: FrontendModel): string {
  const { entity: spec } = entity;
  const children = entity.children.map((child) => childMeta(entity, child));
  const schema = schemaLines(entity);
  // A User with no fields of its own has an empty schema: no import it would not use (noUnusedLocals).
  const needsImport = schema.some((line) => line.includes('needs(')) ? `import { needs } from '../forms/validation';\n` : '';
  return `// ${lineComment(spec.label)}: the validation schema and page metadata, generated from the spec.
import { z } from 'zod';
import type { EntityMeta, FieldMeta } from '../forms/meta';
${needsImport}
/** Validates the POST/PATCH body; the server validates again and its messages are shown too. */
export const ${entity.names.camel}Schema = z.object({
${schema.join('\n')}
})${dateOrderChecks(entity, model)};

const FIELDS: FieldMeta[] = ${list(spec.fields.map((field) => fieldMeta(field, entity, model.index.rulesFor(spec.name))), '')};

const COLUMN_NAMES = new Set<string>(${JSON.stringify(entity.columns.map((f) => f.name))});
const COLUMNS: FieldMeta[] = FIELDS.filter((field) => COLUMN_NAMES.has(field.name));

export const ${metaName(entity)}: EntityMeta = {
  name: ${str(spec.name)},
  label: ${str(spec.label)},
  pluralLabel: ${str(spec.pluralLabel)},
  route: ${str(entity.route)},
  apiPath: ${str(entity.apiPath)},
  display: ${displayMeta(entity)},
  readOnly: ${entity.readOnly},
  searchable: ${entity.searchable},
  fields: FIELDS,
  columns: COLUMNS,
  parents: ${list(entity.parents.map((p) => relationMeta(p, false)), '  ')},
  filters: ${list(entity.filters.map((p) => relationMeta(p, false)), '  ')},
  many: ${list(entity.manyToMany.map((p) => relationMeta(p, true)), '  ')},
  children: ${list(children, '  ')},
  roles: ${rolesMeta(entity, model)},
  owner: ${ownerMeta(entity, model)},
  refusals: ${refusalsMeta(entity)},
  schema: ${entity.names.camel}Schema,
};
`;
}

export const ENTITY_MODULES_LAYER: LayerTable<FrontendModel> = {
  layer: 'frontend/entities',
  files: [
    {
      perEntity: true,
      path: 'frontend/src/entities/{entity}.ts',
      content: (model, entity) => entityModule(entity, model),
      explanation: (_model, { entity: spec }) =>
        `${spec.label} in the UI: the zod schema that validates its form (required fields, types${
          spec.fields.some((f) => f.min !== undefined || f.max !== undefined) ? ', min/max' : ''
        }) and the fields, relation pickers and child lists its pages render.`,
      serves: (_model, entity) => entity.serves,
      sources: (_model, entity) => entity.sources,
    },
  ],
};
