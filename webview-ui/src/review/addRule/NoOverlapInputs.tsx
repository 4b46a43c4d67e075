import { fieldOptions, relationOptions, Row, type RuleInputsProps, Select } from './controls';
import { type Draft, names, pick } from './ruleDraft';

const END_MODES: { value: Draft['endMode']; label: string }[] = [
  { value: 'end', label: 'at an end field' },
  { value: 'duration', label: 'after a duration in minutes' },
];

/** noOverlap: for the same parent, the start..end (or start + duration) of two rows may not overlap. */
export function NoOverlapInputs({ choices, candidate, set, field }: RuleInputsProps) {
  const { draft, timeFields } = choices;
  return (
    <>
      <Row label="For the same" htmlFor={field('scope')}>
        <Select id={field('scope')} label="Scope relation" value={choices.relation} options={relationOptions(choices.parents)} onChange={(v) => set({ relation: v })} testId="add-rule-scope" />
      </Row>
      <Row label="Starts at" htmlFor={field('start')}>
        <Select id={field('start')} label="Start field" value={pick(draft.start, names(timeFields))} options={fieldOptions(timeFields)} onChange={(v) => set({ start: v })} testId="add-rule-start" />
      </Row>
      <Row label="Ends" htmlFor={field('end-mode')}>
        <Select
          id={field('end-mode')}
          label="How the end is known"
          value={draft.endMode}
          options={END_MODES}
          onChange={(v) => set({ endMode: v as Draft['endMode'] })}
          testId="add-rule-end-mode"
        />
        {draft.endMode === 'end' ? (
          <Select id={field('end')} label="End field" value={String(candidate.end ?? '')} options={fieldOptions(timeFields)} onChange={(v) => set({ end: v })} testId="add-rule-end" />
        ) : (
          <Select
            id={field('duration')}
            label="Duration field (minutes)"
            value={String(candidate.durationMinutesField ?? '')}
            options={fieldOptions(choices.fields.filter((f) => f.type === 'integer'))}
            onChange={(v) => set({ duration: v })}
            testId="add-rule-duration"
          />
        )}
      </Row>
    </>
  );
}
