// A diff of two data models in words, grouped by kind (entities, fields, relations, rules, sign-in):
// what Claude would change ("Refine with Claude") and what a change does to a project's model.
import type { ModelChanges } from '../../../src/model/run/modelChanges';

const GROUPS: { key: Exclude<keyof ModelChanges, 'auth' | 'entitiesRenamed'>; label: string }[] = [
  { key: 'entitiesAdded', label: 'Entities added' },
  { key: 'entitiesRemoved', label: 'Entities removed' },
  { key: 'fieldsAdded', label: 'Fields added' },
  { key: 'fieldsRemoved', label: 'Fields removed' },
  { key: 'fieldsChanged', label: 'Fields changed' },
  { key: 'relationsAdded', label: 'Relations added' },
  { key: 'relationsRemoved', label: 'Relations removed' },
  { key: 'rulesAdded', label: 'Rules added' },
  { key: 'rulesRemoved', label: 'Rules removed' },
];

/** The changes, one line per kind; `testId` names the list and prefixes each line (`${testId.replace(/s$/, '')}-${kind}`). */
export function ModelChangeList({ changes, extra = [], testId }: { changes: ModelChanges; extra?: string[]; testId: string }) {
  const item = testId.replace(/s$/, '');
  return (
    <ul className="refine-changes" data-testid={testId}>
      {changes.entitiesRenamed.length > 0 && (
        <li data-testid={`${item}-entitiesRenamed`}>
          <strong>Entities renamed:</strong> {changes.entitiesRenamed.map((r) => `${r.from} → ${r.to}`).join(', ')}
        </li>
      )}
      {GROUPS.filter(({ key }) => changes[key].length > 0).map(({ key, label }) => (
        <li key={key} data-testid={`${item}-${key}`}>
          <strong>{label}:</strong> {changes[key].join('; ')}
        </li>
      ))}
      {changes.auth && (
        <li data-testid={`${item}-auth`}>
          <strong>Sign-in:</strong> {changes.auth}
        </li>
      )}
      {extra.map((line) => (
        <li key={line} className="muted">
          {line}
        </li>
      ))}
    </ul>
  );
}
