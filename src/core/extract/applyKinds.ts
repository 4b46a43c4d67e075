// Step 2 of kinds (kinds.ts reads them): after fields and relations, the parent record gets its
// enum field of kinds, and a kind that became a record of its own is folded into the parent unless
// it has relations of its own (the decision is explained at the top of kinds.ts).
import { addEntity, findEntity, type Draft, type DraftEntity, type DraftField } from './draft';
import type { KindStatement } from './kinds';
import { resolveKey } from './mentions';

function foldInto(draft: Draft, parent: DraftEntity, kind: DraftEntity): void {
  for (const field of kind.fields) {
    if (!field.sources.size) continue;
    const same = parent.fields.find((f) => f.name === field.name);
    if (same) field.sources.forEach((s) => same.sources.add(s));
    else parent.fields.push({ ...field, required: false, sources: new Set(field.sources) });
    parent.fieldsFromText = true;
  }
  kind.sources.forEach((s) => parent.sources.add(s));
  for (const relation of [...draft.relations]) {
    if (relation.from !== kind.name && relation.to !== kind.name) continue;
    const other = relation.from === kind.name ? relation.to : relation.from;
    // Links to users move to the parent when it has none of that name; the rest went with the check.
    if (other === 'User' && relation.from === kind.name && !draft.relations.some((r) => r.from === parent.name && r.name === relation.name)) relation.from = parent.name;
    else draft.relations.splice(draft.relations.indexOf(relation), 1);
  }
  draft.entities.splice(draft.entities.indexOf(kind), 1);
}

/**
 * Step 2 (after fields and relations): the parent's enum field, kinds folded into the parent
 * unless they have relations of their own (see the header).
 */
export function applyKinds(draft: Draft, statements: KindStatement[]): void {
  const byParent = new Map<DraftEntity, KindStatement[]>();
  for (const kinds of statements) {
    const name = resolveKey(draft, kinds.parent);
    const parent = name ? findEntity(draft, name) : addEntity(draft, kinds.parent, kinds.source);
    if (!parent || parent.name === 'User') continue;
    parent.sources.add(kinds.source);
    byParent.set(parent, [...(byParent.get(parent) ?? []), kinds]);
  }
  for (const [parent, list] of byParent) {
    const values: string[] = [];
    const sources = new Set<number>();
    for (const kinds of list) {
      sources.add(kinds.source);
      draft.used.add(kinds.source);
      for (const subtype of kinds.subtypes) {
        if (!values.includes(subtype.value)) values.push(subtype.value);
        const kind = draft.entities.find((e) => e.key === subtype.key);
        if (!kind || kind === parent) continue;
        // The is-a link is the enum, never a foreign key.
        draft.relations = draft.relations.filter((r) => !((r.from === kind.name && r.to === parent.name) || (r.from === parent.name && r.to === kind.name)));
        const own = draft.relations.some((r) => (r.from === kind.name || r.to === kind.name) && r.from !== 'User' && r.to !== 'User');
        if (!own) foldInto(draft, parent, kind);
      }
    }
    // A single kind named ("paintings are a special kind of object"): the rest are "other".
    if (values.length === 1) values.push('other');
    addKindField(parent, values, sources);
  }
}

function addKindField(parent: DraftEntity, values: string[], sources: Set<number>): void {
  const existing = parent.fields.find((f) => /^(type|kind|category)$/.test(f.name) && f.type === 'enum' && values.some((v) => f.enumValues?.includes(v)));
  if (existing) {
    existing.enumValues = [...new Set([...(existing.enumValues ?? []), ...values])];
    sources.forEach((s) => existing.sources.add(s));
    return;
  }
  const name = ['type', 'kind', 'category'].find((n) => !parent.fields.some((f) => f.name === n));
  if (!name) return;
  const field: DraftField = {
    name,
    label: name[0].toUpperCase() + name.slice(1),
    type: 'enum',
    required: true,
    unique: false,
    enumValues: values,
    default: values.includes('other') ? 'other' : values[0],
    sources: new Set(sources),
  };
  parent.fields.push(field);
  parent.fieldsFromText = true;
}
