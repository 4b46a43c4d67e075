// A long paste can give one entity hundreds of source sentences (issue #17 item 5): the review quotes
// the first few and says "and N more" (a click shows them all); the same sentence twice is one quote.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import { Sources } from '../../webview-ui/src/review/Sources';
import { fireEvent, litSettled, renderUi, screen } from './helpers';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');

function specWithSentences(texts: string[]): ProjectSpec {
  const spec = ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, 'clinic.json'), 'utf8')));
  return { ...spec, requirements: { text: texts.join(' '), sentences: texts.map((text, i) => ({ id: i + 1, text })) } };
}

describe('Sources (review step): many quotes collapse', () => {
  it('quotes three sentences, then "and N more", which shows the rest', async () => {
    const texts = Array.from({ length: 40 }, (_, i) => `Patients book appointment ${i + 1}.`);
    await renderUi(<Sources spec={specWithSentences(texts)} ids={texts.map((_, i) => i + 1)} />);
    const source = screen.getByTestId('source');
    assert.equal((source.textContent ?? '').match(/“/g)?.length, 3);
    assert.equal(screen.getByTestId('source-more').textContent, 'and 37 more');
    fireEvent.click(screen.getByTestId('source-more'));
    await litSettled();
    assert.equal((screen.getByTestId('source').textContent ?? '').match(/“/g)?.length, 40);
    assert.equal(screen.queryByTestId('source-more'), null);
  });

  it('quotes a sentence repeated in the text once', async () => {
    const texts = ['Doctors have a name.', 'Doctors have a name.', 'Doctors have a name.', 'A doctor has a specialty.'];
    await renderUi(<Sources spec={specWithSentences(texts)} ids={[1, 2, 3, 4]} />);
    assert.equal(screen.getByTestId('source').textContent, 'From: “Doctors have a name.” “A doctor has a specialty.”');
    assert.equal(screen.queryByTestId('source-more'), null);
  });
});
