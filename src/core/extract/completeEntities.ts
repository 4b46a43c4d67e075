// Records the text names without fields get common ones; orders and carts get line items that
// refer to the product.
import { addEntity, addField, addRelation, findEntity, type Draft, type DraftEntity } from './draft';
import { knownNounInText } from './nounSenses';
import { ACTION_NOUNS, singular } from './lexicon';
import type { SentenceInfo } from './sentences';

/** "exactly one product", "only one product", "a single product". */
const ONE_THING = /\b(?:exactly|only|just|precisely)\s+one\b|\ba\s+single\b/;

/** Default fields for records the text names without fields; line items for orders/carts. */
export function completeEntities(draft: Draft, sentences: SentenceInfo[] = []): void {
  const plainOf = new Map(sentences.map((s) => [s.id, s.plain]));
  const product = draft.entities.find((e) => e.key === 'product' || e.key.endsWith(' product')) ?? draft.entities.find((e) => e.key === 'item');
  for (const entity of [...draft.entities]) {
    const head = entity.key.split(' ').pop() ?? '';
    if ((head === 'order' || head === 'cart') && product) {
      const hasLines = draft.relations.some((r) => r.to === entity.name && r.kind === 'belongsTo' && draft.relations.some((p) => p.from === r.from && p.to === product.name));
      const lineEntity = draft.relations.find((r) => r.to === entity.name && r.kind === 'belongsTo' && /(item|line)$/i.test(r.from));
      // "Each order refers to exactly one product": an order of one product has no lines.
      const ofOneProduct = draft.relations.some((r) => r.from === entity.name && r.to === product.name && r.kind === 'belongsTo' && [...r.sources].some((id) => ONE_THING.test(plainOf.get(id) ?? '')));
      if (!hasLines && !lineEntity && !ofOneProduct) {
        const line = addEntity(draft, `${entity.key} item`, Math.min(...entity.sources));
        if (line) {
          // Assumed, not stated: no source sentence, so the review shows "Not from the text".
          addField(line, { words: ['quantity'], type: 'integer', required: true, min: 1 });
          addField(line, { words: ['unit', 'price'], type: 'money' });
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
    if (parents.length === 1 && parents[0].to !== product.name && addRelation(draft, { from: entity.name, to: product.name, required: true, onDelete: 'restrict' }, Math.min(...entity.sources))) {
      dropProductInOrder(draft, product.name, parents[0].to);
    }
  }
  for (const entity of draft.entities) {
    if (entity.fields.length) continue;
    // Default fields are assumed, not stated: they carry no source sentence (the review marks them
    // "Not from the text" and the bench does not count them as fields read from the text).
    // (In the sense the text uses the noun: a ticket bought for a show is no support ticket.)
    const known = knownNounInText(entity, draft, sentences);
    if (known && bookedThingHasTime(draft, entity.name, known.fields)) continue;
    if (known) {
      // ("A database of recipes and their ingredients": the ingredients are records of their own, not a recipe's text.)
      const children = new Set(draft.relations.filter((r) => r.to === entity.name && r.kind === 'belongsTo').map((r) => findEntity(draft, r.from)?.key.split(' ').pop()));
      for (const f of known.fields) {
        if (!children.has(singular(f.name.toLowerCase()))) addField(entity, { words: [], name: f.name, type: f.type, required: f.required, enumValues: f.enumValues, min: f.min, max: f.max });
      }
    } else if (!draft.relations.some((r) => r.from === entity.name)) addField(entity, { words: ['name'], type: 'string', required: true });
    namedInExamples(draft, entity);
  }
}

/**
 * "tutoring in different subjects (e.g. mathematics, science, literature)": a record the text gives
 * no values of but names by examples has the name it gives them, as the text says (a source).
 */
function namedInExamples(draft: Draft, entity: DraftEntity): void {
  const name = entity.namedByExamples?.size ? entity.fields.find((f) => f.name === 'name' || f.name === 'title') : undefined;
  if (!name) return;
  for (const id of entity.namedByExamples!) {
    name.sources.add(id);
    draft.used.add(id);
  }
}

/**
 * "Users keep lists of tasks": a list, a folder, an album linked to its owner still needs a name to
 * be told apart. Run last, once every reader has given the records their values: a record still
 * without any gets a name, unless it is a row of an act between records (an enrollment, a vote) or a
 * value, a message (a score, a note), which a name does not tell apart.
 */
export function nameUnnamedRecords(draft: Draft): void {
  for (const entity of draft.entities) {
    if (entity.fields.length || entity.name === 'User' || namesAnAct(entity.key) || NOT_NAMED.has(entity.key.split(' ').pop() ?? '')) continue;
    addField(entity, { words: ['name'], type: 'string', required: true });
    namedInExamples(draft, entity);
  }
}
const NOT_NAMED = new Set('score grade rating discount estimate message response reply note edit comment answer feedback result value reading measurement entry log'.split(' '));

/** Nouns of acts ("enrollment", "booking", "vote", "loan", "membership"): rows that join records, told apart by them. */
function namesAnAct(key: string): boolean {
  const head = key.split(' ').pop() ?? '';
  return ACT_ROWS.has(head) || /.{3,}(?:ing|ment|tion|sion|ance|ence|ship)$/.test(head);
}
const ACT_ROWS = new Set([...Object.values(ACTION_NOUNS), 'hire', 'reservation', 'lease', 'transfer', 'visit', 'purchase', 'sale', 'request', 'match', 'swap', 'trade', 'stay', 'shift', 'duty']);

/**
 * "See the products of an order" read as a product belonging to the order: once the order has lines
 * that point at the products, those lines are the link (a product is ordered many times; it belongs
 * to no single order), so the direct product -> order link goes and the lines carry the pair.
 */
function dropProductInOrder(draft: Draft, product: string, order: string): void {
  const direct = draft.relations.findIndex((r) => r.kind === 'belongsTo' && r.from === product && r.to === order);
  if (direct >= 0) draft.relations.splice(direct, 1);
}

/** A booking's default dates say when the booked thing is used; a booking of a class or an event
 *  that has a time of its own ("a class has a start time") takes that time, and dates of its own
 *  would only ask the member for it twice. */
function bookedThingHasTime(draft: Draft, name: string, defaults: { type: string }[]): boolean {
  if (!defaults.length || !defaults.every((f) => f.type === 'date' || f.type === 'datetime')) return false;
  // (A time of day says when it happens; a date alone may be anything: a dog's birth date.)
  return draft.relations.some((r) => r.from === name && r.kind === 'belongsTo' && findEntity(draft, r.to)?.fields.some((f) => f.type === 'datetime'));
}
