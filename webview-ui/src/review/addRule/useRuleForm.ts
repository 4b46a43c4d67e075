import { useState } from 'react';
import { ruleProblems } from '../../../../src/model/project/edit';
import type { ProjectSpec, Rule } from '../../../../src/model/project/projectSpec';
import { useFollowingChoice } from '../followChoice';
import { buildRule, describeCandidate, missingInputs } from './buildRule';
import { ruleChoices } from './ruleChoices';
import { type Draft, freshDraft, type Kind, names } from './ruleDraft';

/**
 * The add-rule form's state: the kind, the draft and the problems of the last try. Any change
 * clears the problems; a valid rule, tagged with `sources`, goes to `onAdd` and the draft starts
 * over on the same entity.
 */
export function useRuleForm({ spec, sources, initialKind, onAdd }: { spec: ProjectSpec; sources: number[]; initialKind?: Kind; onAdd: (rule: Rule) => void }) {
  const [kind, setKind] = useState<Kind>(initialKind ?? 'capacity');
  const [draft, setDraft] = useState<Draft>(freshDraft());
  const [problems, setProblems] = useState<string[]>([]);
  // The entity follows renames and removals in the review while the form is open.
  const [entity, setEntity] = useFollowingChoice(names(spec.entities));
  const set = (patch: Partial<Draft>) => {
    if (patch.entity !== undefined) setEntity(patch.entity);
    setDraft((current) => ({ ...current, ...patch }));
    setProblems([]);
  };
  const chooseKind = (next: Kind) => {
    setKind(next);
    setProblems([]);
  };

  const choices = ruleChoices(spec, kind, { ...draft, entity });
  const candidate = buildRule(choices, sources);

  const submit = () => {
    const incomplete = missingInputs(choices, candidate);
    const found = incomplete.length ? incomplete : ruleProblems(spec, candidate);
    setProblems(found);
    if (found.length) return;
    onAdd({ ...(candidate as Rule), sources: [...sources] } as Rule);
    // Ready for the next rule of the same kind on the same entity (when the form stays open).
    setDraft(freshDraft(choices.entityName));
  };

  return { kind, chooseKind, set, choices, candidate, preview: describeCandidate(candidate), problems, submit };
}
