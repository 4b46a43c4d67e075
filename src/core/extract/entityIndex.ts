// Lookups of a draft's entities by key and by the last word of the key. The relation and rule passes
// ask which entity a phrase names thousands of times on a long text; scanning every entity (and
// splitting its key) for each question made that cost grow with the text times its records. The
// index is rebuilt whenever an entity is added, removed or renamed (checked on every use: one
// comparison per entity, no strings built).

import type { Draft, DraftEntity } from './draft';

export interface EntityIndex {
  /** The first entity (in the draft's order) with this key. */
  first: ReadonlyMap<string, DraftEntity>;
  /** The last entity with this key (what a Map built from the entities in order keeps). */
  last: ReadonlyMap<string, DraftEntity>;
  /** Entities of two or more words by their key's last word ("meeting room" under "room"), in order. */
  compoundsByHead: ReadonlyMap<string, DraftEntity[]>;
  /** All entities by their key's last word, one-word keys included, in order. */
  byHead: ReadonlyMap<string, DraftEntity[]>;
}

interface Built {
  entities: DraftEntity[];
  keys: string[];
  index: EntityIndex;
}

/** One index per draft and key form (the rule passes read keys with hyphens as spaces). */
const built = new WeakMap<Draft, Map<(key: string) => string, Built>>();

const asWritten = (key: string): string => key;

/** The index of the draft's entities, keys read through `keyForm` (as written by default). */
export function entityIndex(draft: Draft, keyForm: (key: string) => string = asWritten): EntityIndex {
  let forms = built.get(draft);
  if (!forms) built.set(draft, (forms = new Map()));
  const known = forms.get(keyForm);
  if (known && current(known, draft.entities)) return known.index;
  const fresh = build(draft.entities, keyForm);
  forms.set(keyForm, fresh);
  return fresh.index;
}

function current(known: Built, entities: DraftEntity[]): boolean {
  if (known.entities.length !== entities.length) return false;
  for (let i = 0; i < entities.length; i++) if (known.entities[i] !== entities[i] || known.keys[i] !== entities[i].key) return false;
  return true;
}

function build(entities: DraftEntity[], keyForm: (key: string) => string): Built {
  const first = new Map<string, DraftEntity>();
  const last = new Map<string, DraftEntity>();
  const compoundsByHead = new Map<string, DraftEntity[]>();
  const byHead = new Map<string, DraftEntity[]>();
  for (const entity of entities) {
    const key = keyForm(entity.key);
    if (!first.has(key)) first.set(key, entity);
    last.set(key, entity);
    const space = key.lastIndexOf(' ');
    const head = key.slice(space + 1);
    push(byHead, head, entity);
    if (space >= 0) push(compoundsByHead, head, entity);
  }
  return { entities: [...entities], keys: entities.map((e) => e.key), index: { first, last, compoundsByHead, byHead } };
}

function push(map: Map<string, DraftEntity[]>, key: string, entity: DraftEntity): void {
  const list = map.get(key);
  if (list) list.push(entity);
  else map.set(key, [entity]);
}
