// Deterministic synthetic ProjectSpecs of any size, for generation benchmarks: a chain of
// entities, each with a spread of field types and a belongsTo relation to the one before.
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];

function entityName(i) {
  const a = WORDS[i % WORDS.length];
  const b = WORDS[Math.floor(i / WORDS.length) % WORDS.length];
  return `${b[0].toUpperCase()}${b.slice(1)}${a[0].toUpperCase()}${a.slice(1)}Item${i}`;
}

const EXTRA_TYPES = ['string', 'text', 'integer', 'money', 'date', 'boolean', 'email', 'url'];

// Fields past the base seven, for wide-entity benchmarks: names and labels stay distinct
// and cycle through the plain field types.
function extraFields(count, id) {
  const fields = [];
  for (let j = 0; j < count; j += 1) {
    const type = EXTRA_TYPES[j % EXTRA_TYPES.length];
    fields.push({ name: `extra${j}`, label: `Extra ${j}`, type, required: j % 3 === 0, sources: [id] });
  }
  return fields;
}

// `fields` is the number of fields per entity (at least the base seven).
export function syntheticSpec(count, { auth = true, fields = 7 } = {}) {
  const sentences = [];
  const entities = [];
  const relations = [];
  if (auth) {
    sentences.push({ id: 0, text: 'Users sign up and log in.' });
    entities.push({ name: 'User', label: 'User', pluralLabel: 'Users', fields: [{ name: 'displayName', label: 'Display name', type: 'string', required: true, sources: [0] }], sources: [0] });
  }
  for (let i = 0; i < count; i += 1) {
    const name = entityName(i);
    const id = sentences.length;
    sentences.push({ id, text: `A ${name} has a title, notes, a quantity, a price, a due date, a status and a website.` });
    entities.push({
      name,
      label: name,
      pluralLabel: `${name}s`,
      fields: [
        { name: 'title', label: 'Title', type: 'string', required: true, sources: [id] },
        { name: 'notes', label: 'Notes', type: 'text', sources: [id] },
        { name: 'quantity', label: 'Quantity', type: 'integer', required: true, min: 0, sources: [id] },
        { name: 'price', label: 'Price', type: 'money', required: true, sources: [id] },
        { name: 'dueDate', label: 'Due date', type: 'date', sources: [id] },
        { name: 'status', label: 'Status', type: 'enum', required: true, enumValues: ['open', 'closed'], default: 'open', sources: [id] },
        { name: 'website', label: 'Website', type: 'url', sources: [id] },
        ...extraFields(Math.max(0, fields - 7), id),
      ],
      sources: [id],
    });
    if (i > 0) {
      relations.push({ kind: 'belongsTo', from: name, to: entityName(i - 1), name: 'parent', inverseName: 'children', required: false, onDelete: 'setNull', sources: [id] });
    }
  }
  return {
    name: `synthetic-${count}`,
    title: `Synthetic ${count}`,
    description: `${count} generated entities`,
    requirements: { text: sentences.map((s) => s.text).join(' '), sentences },
    entities,
    relations,
    auth: auth ? { kind: 'emailPassword', roles: ['member', 'admin'], defaultRole: 'member', adminRole: 'admin', selfSignup: true, sources: [0] } : { kind: 'none', sources: [] },
    rules: [],
    unimplemented: [],
    pages: [],
    warnings: [],
  };
}
