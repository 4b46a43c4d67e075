// The usual values of a trouble kept as a record (a problem, a fault report): it is described, then dealt with.
import type { KnownField } from './knowledge';

export const TROUBLE_FIELDS: KnownField[] = [
  { name: 'description', type: 'text', required: true },
  { name: 'status', type: 'enum', required: true, enumValues: ['open', 'in_progress', 'resolved'] },
];
