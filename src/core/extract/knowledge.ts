// A small table of common nouns -> the fields such a record usually has. Used only when the
// text names an entity but gives it no fields, so a one-line idea still yields a usable model.
import type { FieldType } from '../../model/project/projectSpec';
import { lookup } from './lexicon';

export interface KnownField {
  name: string;
  type: FieldType;
  required?: boolean;
  enumValues?: string[];
  min?: number;
  max?: number;
}
export interface KnownNoun {
  fields: KnownField[];
  /** Content people write: owned by its author when the app has sign-in. */
  authored?: boolean;
  /** Shared labels attached to many rows (a plural mention under "has" becomes many-to-many). */
  shared?: boolean;
}

const f = (name: string, type: FieldType, required = false, extra: Partial<KnownField> = {}): KnownField => ({ name, type, required, ...extra });
const title = f('title', 'string', true);
const name = f('name', 'string', true);
const body = f('body', 'text', true);
const description = f('description', 'text');

export const KNOWN_NOUNS: Record<string, KnownNoun> = lookup({
  post: { fields: [title, body, f('publishedOn', 'date')], authored: true },
  article: { fields: [title, f('description', 'string'), body, f('publishedOn', 'date')], authored: true },
  comment: { fields: [body], authored: true },
  reply: { fields: [body], authored: true },
  thread: { fields: [title, body], authored: true },
  review: { fields: [f('rating', 'integer', true, { min: 1, max: 5 }), f('body', 'text')], authored: true },
  rating: { fields: [f('stars', 'integer', true, { min: 1, max: 5 })], authored: true },
  recipe: { fields: [title, f('ingredients', 'text', true), f('instructions', 'text', true)], authored: true },
  entry: { fields: [title, f('content', 'text', true)], authored: true },
  question: { fields: [f('text', 'string', true)] },
  answer: { fields: [body], authored: true },
  survey: { fields: [title, description] },
  product: { fields: [name, description, f('price', 'money', true)] },
  order: { fields: [f('orderedAt', 'datetime', true), f('status', 'enum', true, { enumValues: ['pending', 'paid', 'shipped', 'delivered', 'cancelled'] })] },
  cart: { fields: [] },
  customer: { fields: [name, f('email', 'email'), f('phone', 'string')] },
  supplier: { fields: [name, f('email', 'email'), f('phone', 'string')] },
  contact: { fields: [name, f('email', 'email'), f('phone', 'string')] },
  member: { fields: [name, f('email', 'email')] },
  student: { fields: [name, f('email', 'email')] },
  employee: { fields: [name, f('email', 'email'), f('position', 'string')] },
  patient: { fields: [name, f('dateOfBirth', 'date'), f('phone', 'string')] },
  doctor: { fields: [name, f('specialty', 'string')] },
  guest: { fields: [name, f('email', 'email'), f('phone', 'string')] },
  task: { fields: [title, description, f('dueDate', 'date'), f('done', 'boolean')] },
  todo: { fields: [title, f('completed', 'boolean')] },
  project: { fields: [name, description] },
  event: { fields: [name, f('startTime', 'datetime', true), f('location', 'string'), description] },
  appointment: { fields: [f('startTime', 'datetime', true), f('reason', 'string')] },
  reservation: { fields: [f('startDate', 'date', true), f('endDate', 'date', true)] },
  booking: { fields: [f('startDate', 'date', true), f('endDate', 'date', true)] },
  room: { fields: [f('number', 'string', true), f('price', 'money')] },
  book: { fields: [title, f('author', 'string'), f('isbn', 'string')] },
  loan: { fields: [f('loanDate', 'date', true), f('dueDate', 'date', true), f('returnDate', 'date')] },
  rental: { fields: [f('startDate', 'date', true), f('endDate', 'date', true)] },
  course: { fields: [title, description] },
  category: { fields: [name], shared: false },
  tag: { fields: [name], shared: true },
  label: { fields: [name], shared: true },
  expense: { fields: [f('amount', 'money', true), f('date', 'date', true), f('description', 'string')] },
  income: { fields: [f('amount', 'money', true), f('date', 'date', true), f('source', 'string')] },
  transaction: { fields: [f('date', 'date', true), f('amount', 'money', true), f('description', 'string')] },
  budget: { fields: [f('amount', 'money', true)] },
  invoice: { fields: [f('number', 'string', true), f('issueDate', 'date', true), f('amount', 'money', true)] },
  payment: { fields: [f('amount', 'money', true), f('paidOn', 'date', true)] },
  ticket: { fields: [title, description, f('status', 'enum', true, { enumValues: ['open', 'in_progress', 'closed'] })] },
  vote: { fields: [] },
  follow: { fields: [] },
  favorite: { fields: [] },
  bookmark: { fields: [] },
  like: { fields: [] },
  registration: { fields: [] },
  board: { fields: [name, description] },
  photo: { fields: [f('url', 'url', true), f('caption', 'string')], authored: true },
  playlist: { fields: [name] },
  song: { fields: [title, f('artist', 'string')] },
  secret: { fields: [f('value', 'text', true)] },
});

const LINE_PARENTS = new Set(['order', 'cart', 'shopping cart', 'invoice', 'purchase order', 'sales order', 'sale', 'basket', 'quote', 'receipt', 'bill']);

/** Nouns that, named anywhere as a noun, are very likely stored records. */
export function knownNoun(key: string): KnownNoun | undefined {
  const words = key.split(' ');
  const head = words[words.length - 1];
  if (words.length > 1 && (head === 'item' || head === 'line') && LINE_PARENTS.has(words.slice(0, -1).join(' '))) return { fields: [f('quantity', 'integer', true, { min: 1 })] };
  return Object.prototype.hasOwnProperty.call(KNOWN_NOUNS, key) ? KNOWN_NOUNS[key] : Object.prototype.hasOwnProperty.call(KNOWN_NOUNS, head) ? KNOWN_NOUNS[head] : undefined;
}

/** App kinds named in terse ideas ("a forum", "a blog") and the records they imply. */
export const APP_KINDS: Array<{ pattern: RegExp; entities: string[]; auth: boolean }> = [
  { pattern: /\bblog(?:ging)?\b/, entities: ['post'], auth: false },
  { pattern: /\b(?:forum|message board|web board|discussion board)\b/, entities: ['thread', 'post'], auth: true },
  { pattern: /\b(?:to-?do|todo) (?:list|app)\b/, entities: ['task'], auth: false },
  { pattern: /\b(?:online (?:shop|store)|e-?commerce|web ?shop)\b/, entities: ['product', 'order'], auth: false },
  { pattern: /\bguest ?book\b/, entities: ['entry'], auth: false },
  { pattern: /\b(?:journal|diary)\b/, entities: ['entry'], auth: false },
  { pattern: /\bcalendar\b/, entities: ['event'], auth: false },
  { pattern: /\bnote[- ]?taking\b|\bnotes app\b/, entities: ['note'], auth: false },
];
