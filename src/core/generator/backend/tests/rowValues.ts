// Test values of a row's fields, as TypeScript expressions the generated helpers evaluate per row
// (counter `n`), kept consistent with the entity's rules (date order, no overlap, refusals, capacity).
import type { BackendModel, Column, EntityModel } from '../model';
import { periodSpacing, refusalConditions, sampleValue } from '../samples';
import { str } from '../util';
import { jsValue, templateText } from '../../emit';

/** A TypeScript expression (using the counter `n`) for a column's test value. */
export function runtimeSample(column: Column, entity: EntityModel, model: BackendModel): string {
  const label = column.field?.label ?? column.prop;
  switch (column.type) {
    case 'string':
      return `\`${templateText(label)} \${n}\`.slice(0, ${Math.min(column.max ?? 255, 255)})`;
    case 'text':
      return `\`${templateText(label)} text \${n}\``;
    case 'email':
      return `\`${column.prop.toLowerCase()}\${n}@example.com\``;
    case 'url':
      return `\`https://example.com/${entity.names.route}/\${n}\``;
    case 'integer':
      return column.unique ? `${column.min ?? 0} + n` : jsValue(sampleValue(column, 1, entity, model));
    case 'date':
    case 'datetime': {
      // A field counted per week or month is a whole period further for each row (a day apart already is one).
      const spacing = periodSpacing(column, entity);
      const d = spacing > 1 ? `day(n * ${spacing})` : 'day(n)';
      return column.type === 'date' ? d : `\`\${${d}}T10:00:00.000Z\``;
    }
    default:
      return jsValue(sampleValue(column, 1, entity, model));
  }
}

export function fieldsObject(entity: EntityModel, model: BackendModel, asDb = false): string {
  const parts: string[] = [];
  /** Expressions by property, before the datetime conversion (later dates are built from earlier ones). */
  const exprs = new Map<string, string>();
  const typeOf = (prop: string) => entity.columns.find((c) => c.prop === prop)?.type;
  for (const column of entity.columns) {
    if (!column.field) continue;
    let expr = runtimeSample(column, entity, model);
    const capacityActive = entity.rules.some((r) => r.kind === 'capacity' && r.activeWhenNull === column.prop);
    if (capacityActive) expr = 'null';
    // A field a refusal reads gets the sample that does not trigger it (fixed, so never "today").
    // (Not a field counted per period: one fixed value would put every row into the same period.)
    else if (!column.unique && !periodSpacing(column, entity) && refusalConditions(column, entity, model).length) expr = jsValue(sampleValue(column, 1, entity, model));
    exprs.set(column.prop, expr);
  }
  const overlapEnds = new Set<string>();
  for (const rule of entity.rules) {
    if (rule.kind !== 'noOverlap') continue;
    if (rule.durationMinutesField) exprs.set(rule.durationMinutesField, '60');
    if (rule.end) {
      const endType = typeOf(rule.end);
      exprs.set(rule.end, `shift(${exprs.get(rule.start) ?? '`${day(n)}T10:00:00.000Z`'}, 60, ${str(endType ?? 'datetime')})`);
      overlapEnds.add(`${rule.start}>${rule.end}`);
    }
  }
  // Later dates a day after earlier ones (dateOrder), unless a noOverlap end already follows its start.
  // A date a refusal reads keeps its fixed value (far from today); then the other one moves instead.
  const fixed = (prop: string) => {
    const column = entity.columns.find((c) => c.prop === prop);
    return Boolean(column && !column.unique && !periodSpacing(column, entity) && refusalConditions(column, entity, model).length);
  };
  const dayOf = (type: string | undefined, days: number) => (type === 'date' ? days : days * 24 * 60);
  for (const rule of entity.rules) {
    if (rule.kind !== 'dateOrder' || overlapEnds.has(`${rule.earlier}>${rule.later}`)) continue;
    const earlier = exprs.get(rule.earlier);
    const later = exprs.get(rule.later);
    if (!earlier || earlier === 'null' || !later || later === 'null') continue;
    const laterType = typeOf(rule.later);
    const earlierType = typeOf(rule.earlier);
    if (!fixed(rule.later)) exprs.set(rule.later, `shift(${earlier}, ${dayOf(laterType, 1)}, ${str(laterType ?? 'datetime')})`);
    else if (!fixed(rule.earlier)) exprs.set(rule.earlier, `shift(${later}, ${dayOf(earlierType, -1)}, ${str(earlierType ?? 'datetime')})`);
  }
  for (const [prop, expr] of exprs) {
    parts.push(`${prop}: ${asDb && typeOf(prop) === 'datetime' && expr !== 'null' ? `new Date(${expr})` : expr}`);
  }
  return `{ ${parts.join(', ')} }`;
}
