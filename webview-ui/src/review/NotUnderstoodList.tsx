import { VscodeButton } from '@vscode-elements/react-elements';
import { type ReactElement, useState } from 'react';
import type { ProjectSpec, Rule } from '../../../src/model/project/projectSpec';
import { addRuleForSentences, applySuggestion, dismissNotUnderstood, ignoreSentence, resolveWithRule, suggestionText, unignoreSentence } from '../../../src/model/project/suggestions';
import { type LeftOutItem, leftOutHeadline, sentenceLabel, type Understanding, understand } from '../../../src/model/project/understanding';
import { AddRuleForm } from './AddRuleForm';

type Edit = (change: (spec: ProjectSpec) => ProjectSpec) => boolean;

/** Items shown at first, and added per "Show more": a long paste leaves hundreds of sentences, and a wall of them helps nobody. */
export const LEFT_OUT_PAGE = 25;

/** The first `shown` items, and a "Show more" / "Show all" pair while some are hidden. */
function usePaged<T>(items: T[], testId: string): { visible: T[]; more: ReactElement | null } {
  const [shown, setShown] = useState(LEFT_OUT_PAGE);
  const hidden = items.length - shown;
  if (hidden <= 0) return { visible: items, more: null };
  return {
    visible: items.slice(0, shown),
    more: (
      <div className="left-out-more" role="group" aria-label="More items" data-testid={testId}>
        <span className="muted">{hidden} more not shown.</span>
        <VscodeButton secondary data-testid={`${testId}-next`} onClick={() => setShown(shown + LEFT_OUT_PAGE)}>
          Show {Math.min(LEFT_OUT_PAGE, hidden)} more
        </VscodeButton>
        <VscodeButton secondary data-testid={`${testId}-all`} onClick={() => setShown(items.length)}>
          Show all {items.length}
        </VscodeButton>
      </div>
    ),
  };
}

/** A not-understood item's stable key: its index in spec.notUnderstood, or the silently dropped sentence. */
const keyOf = (item: LeftOutItem) => (item.index !== undefined ? `item-${item.index}` : `sentence-${item.sentences[0]}`);

function LeftOutText({ item }: { item: LeftOutItem }) {
  return (
    <span className="left-out-text">
      <q>{item.text}</q> <span className="muted">({sentenceLabel(item.sentences)})</span>
    </span>
  );
}

/** One not-understood sentence or clause: why, the one-click fixes, a rule form, or ignore it. */
function NotUnderstoodItem(props: {
  spec: ProjectSpec;
  item: LeftOutItem;
  itemKey: string;
  partial: boolean;
  adding: boolean;
  onAdding: (open: boolean) => void;
  refused?: string;
  attempt: (change: (spec: ProjectSpec) => ProjectSpec | string) => boolean;
}) {
  const { spec, item, itemKey: key, adding, attempt } = props;
  const ignore = () => attempt((s) => (item.index !== undefined ? dismissNotUnderstood(s, item.index) : item.sentences.reduce(ignoreSentence, s)));
  const addRule = (rule: Rule) => attempt((s) => (item.index !== undefined ? resolveWithRule(s, item.index, rule) : addRuleForSentences(s, item.sentences, rule)));
  const suggestions = item.index !== undefined ? spec.notUnderstood[item.index].suggestions : [];
  return (
    <li className="left-out-item" data-testid={`not-understood-${key}`}>
      <LeftOutText item={item} />
      <span className="left-out-reason">
        {item.reason}
        {props.partial && <span className="muted"> The rest of this sentence is in the data model.</span>}
      </span>
      <div className="left-out-actions" role="group" aria-label={`What to do about “${item.text}”`}>
        {suggestions.map((suggestion, index) => (
          <VscodeButton
            key={`${suggestion.kind}-${index}`}
            secondary
            data-testid={`suggestion-${key}-${index}`}
            onClick={() => item.index !== undefined && attempt((s) => applySuggestion(s, item.index as number, index))}
          >
            {suggestionText(suggestion)}
          </VscodeButton>
        ))}
        <VscodeButton secondary data-testid={`write-rule-${key}`} aria-expanded={adding ? 'true' : 'false'} onClick={() => props.onAdding(!adding)}>
          Add a rule…
        </VscodeButton>
        <VscodeButton secondary data-testid={`ignore-${key}`} aria-label={`Ignore “${item.text}”: it needs nothing generated`} onClick={ignore}>
          Ignore
        </VscodeButton>
      </div>
      {props.refused && (
        <p className="form-error" role="alert" data-testid={`refused-${key}`}>
          {props.refused}
        </p>
      )}
      {adding && (
        <div className="left-out-rule" data-testid={`rule-form-${key}`}>
          <AddRuleForm spec={spec} sources={item.sentences} onAdd={addRule} onCancel={() => props.onAdding(false)} />
        </div>
      )}
    </li>
  );
}

/** Recognised, but not something Takoss builds. */
function NotImplementedList({ items }: { items: LeftOutItem[] }) {
  const { visible, more } = usePaged(items, 'not-implemented-more');
  if (items.length === 0) return null;
  return (
    <>
      <h3>Not implemented ({items.length})</h3>
      <p className="muted">Recognised, but Takoss does not build these; the generated README lists them too.</p>
      <ul className="left-out-list" data-testid="not-implemented">
        {visible.map((item, index) => (
          <li key={`${item.text}-${index}`} className="left-out-item">
            <LeftOutText item={item} />
            <span className="left-out-reason">{item.reason}</span>
          </li>
        ))}
      </ul>
      {more}
    </>
  );
}

/** The sentences the user chose to ignore, each restorable. */
function IgnoredSentences({ spec, edit }: { spec: ProjectSpec; edit: Edit }) {
  const ignored = spec.ignoredSentences;
  if (ignored.length === 0) return null;
  const sentenceText = new Map(spec.requirements.sentences.map((s) => [s.id, s.text]));
  return (
    <details className="left-out-ignored" data-testid="ignored">
      <summary>
        {ignored.length} ignored sentence{ignored.length > 1 ? 's' : ''} (nothing is generated for {ignored.length > 1 ? 'them' : 'it'})
      </summary>
      <ul className="plain-list">
        {ignored.map((id) => (
          <li key={id}>
            <span>
              <q>{sentenceText.get(id) ?? '?'}</q> <span className="muted">({sentenceLabel([id])})</span>
            </span>
            <button type="button" className="link" data-testid={`restore-${id}`} aria-label={`Stop ignoring sentence ${id + 1}`} onClick={() => edit((s) => unignoreSentence(s, id))}>
              Restore
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The heading, a warning when the text is not English, and the counts line. */
function LeftOutHead({ understanding }: { understanding: Understanding }) {
  const { notUnderstood, notImplemented } = understanding;
  const headline = leftOutHeadline(understanding);
  return (
    <>
      <h3 id="left-out-heading">
        {notUnderstood.length ? `Not understood (${notUnderstood.length})` : notImplemented.length ? 'Left out' : 'Every sentence understood'}
      </h3>
      {understanding.languageWarning && (
        <div className="language-warning" role="alert" data-testid="language-warning">
          <strong>{understanding.languageWarning}</strong> Takoss reads requirements written in English; write the description in English and review it
          again, or add what is missing below by hand.
        </div>
      )}
      <p className={headline ? 'left-out-counts' : 'muted'} data-testid="left-out-counts" aria-live="polite">
        {headline
          ? `${headline}. Each is listed with why; fix it with a click, write a rule, or ignore it if it needs nothing built.`
          : 'Every requirement sentence was understood and is in the data model below.'}
      </p>
    </>
  );
}

/**
 * The top of the review: every sentence (or clause) Takoss did not understand, with why and the
 * one-click fixes (add the entity, field or rule it suggests; write a rule; ignore the sentence),
 * what it recognised but will not build, and the sentences the user ignored (restorable).
 */
export function NotUnderstoodList({ spec, edit }: { spec: ProjectSpec; edit: Edit }) {
  const [adding, setAdding] = useState<string>();
  const [refused, setRefused] = useState<{ key: string; reason: string }>();
  const understanding = understand(spec);
  const { notUnderstood, accounts } = understanding;
  const statusOf = new Map(accounts.map((a) => [a.id, a.status]));
  const { visible, more } = usePaged(notUnderstood, 'not-understood-more');
  // Good news is not dressed as a warning: the notice's warning colour is for when something was left out.
  const allUnderstood = !notUnderstood.length && !understanding.notImplemented.length && !understanding.languageWarning;

  /** Applies a change that may be refused (returned as text): the reason is shown next to the item. */
  const attempt = (key: string, change: (spec: ProjectSpec) => ProjectSpec | string): boolean => {
    let reason: string | undefined;
    const applied = edit((current) => {
      const next = change(current);
      if (typeof next === 'string') {
        reason = next;
        return current;
      }
      return next;
    });
    setRefused(reason ? { key, reason } : undefined);
    const done = applied && !reason;
    // Items shift when one is resolved: an open rule form would belong to another item.
    if (done) setAdding(undefined);
    return done;
  };

  return (
    <section aria-labelledby="left-out-heading" className={`review-section left-out${allUnderstood ? ' all-understood' : ''}`} data-testid="left-out">
      <LeftOutHead understanding={understanding} />
      {notUnderstood.length > 0 && (
        <ul className="left-out-list" data-testid="not-understood">
          {visible.map((item) => {
            const key = keyOf(item);
            return (
              <NotUnderstoodItem
                key={key}
                spec={spec}
                item={item}
                itemKey={key}
                partial={item.sentences.some((id) => statusOf.get(id) === 'partial')}
                adding={adding === key}
                onAdding={(open) => setAdding(open ? key : undefined)}
                refused={refused?.key === key ? refused.reason : undefined}
                attempt={(change) => attempt(key, change)}
              />
            );
          })}
        </ul>
      )}
      {more}
      <NotImplementedList items={understanding.notImplemented} />
      <IgnoredSentences spec={spec} edit={edit} />
    </section>
  );
}
