// A long paste gives dozens of entities: the review shows the first ones at once and draws the rest
// a few at a time, so it appears quickly and is complete a moment later (useProgressiveCount).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import type { Review } from '../../webview-ui/src/review/useReview';
import { PROGRESSIVE_FIRST } from '../../webview-ui/src/review/useProgressiveCount';
import { render } from '@testing-library/react';
import { act, fakeBridge, litSettled, ReviewHarness, screen } from './helpers';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');

/** The events spec with `extra` more entities of two fields each. */
function bigSpec(extra: number): ProjectSpec {
  const spec = JSON.parse(readFileSync(path.join(fixtures, 'events.json'), 'utf8')) as { entities: Array<Record<string, unknown>> };
  for (let i = 1; i <= extra; i++) {
    const name = `Locker${String.fromCharCode(64 + i)}`;
    spec.entities.push({ name, label: name, pluralLabel: `${name}s`, fields: [{ name: 'code', label: 'Code', type: 'string', required: true, sources: [] }, { name: 'floor', label: 'Floor', type: 'integer', required: false, sources: [] }] });
  }
  return ProjectSpec.parse(spec);
}

const editors = () => document.querySelectorAll('[data-testid^="entity-"][aria-label^="Entity "]:not([data-testid^="entity-pending-"])').length;
const pending = () => document.querySelectorAll('[data-testid^="entity-pending-"]').length;

describe('Review step: many entities are drawn progressively', () => {
  it(`draws the first ${PROGRESSIVE_FIRST} editors at once, names the rest, and draws them all a moment later`, async () => {
    const spec = bigSpec(20);
    const total = spec.entities.length;
    assert.ok(total > PROGRESSIVE_FIRST + 8);
    const review: Review = { spec, provider: 'offline', problems: [], folder: 'lockers', folderExists: false };
    const { bridge } = fakeBridge({ review });
    render(<ReviewHarness bridge={bridge} />);
    // Right after the first paint (no timer has run yet): the first editors, the rest named.
    assert.equal(editors(), PROGRESSIVE_FIRST);
    assert.equal(pending(), total - PROGRESSIVE_FIRST);
    const last = spec.entities[total - 1].name;
    assert.match(screen.getByTestId(`entity-pending-${last}`).textContent ?? '', new RegExp(`${last}\\s*2 fields…`));
    for (let turn = 0; turn < 20 && pending(); turn++) await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
    await litSettled();
    assert.equal(pending(), 0);
    assert.equal(editors(), total);
    assert.ok(screen.getByTestId(`field-${last}-floor`), 'the last entity is editable');
  });
});
