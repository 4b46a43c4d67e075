// Formal requirement documents write their terms in title case ("several Work Packages", "the
// Deliverables"): the tagger takes a capitalised word inside a sentence for a name and never for a
// plural, so the record lost its singular (nlp.ts termsOf, TITLE_CASE_WORD and lexicon.ts looksPlural). Sentences of our own.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { tagSentence } from '../../src/core/extract/nlp';

const term = (sentence: string, word: string) => tagSentence(sentence).find((t) => t.w === word);

describe('extract tags: plurals written in title case', () => {
  it('are plural nouns with their singular as the root, still marked as capitalised', () => {
    const packages = term('Each grant funds several Work Packages.', 'packages');
    assert.deepEqual([packages?.root, packages?.plural, packages?.capital], ['package', true, true]);
    assert.deepEqual([term('A trial produces Deliverables.', 'deliverables')?.root, term('A trial produces Deliverables.', 'deliverables')?.plural], ['deliverable', true]);
    // (Five letters are enough: "the Users", "several Tasks".)
    assert.deepEqual([term('Each project has several Tasks.', 'tasks')?.root, term('Each project has several Tasks.', 'tasks')?.plural], ['task', true]);
  });

  it('end in -ys too ("Essays", "Trolleys"), and an irregular plural the extractor knows keeps its own singular ("Series")', () => {
    assert.deepEqual([term('Pupils hand in their Essays to a tutor.', 'essays')?.root, term('Pupils hand in their Essays to a tutor.', 'essays')?.plural], ['essay', true]);
    assert.deepEqual([term('Porters clean the Trolleys every night.', 'trolleys')?.root, term('Porters clean the Trolleys every night.', 'trolleys')?.plural], ['trolley', true]);
    assert.equal(term('The studio films a new Series every spring.', 'series')?.root, 'series');
  });

  it('leave names that end in -is, -us, -os alone ("Paris", "Kinepolis", "Erasmus")', () => {
    for (const [sentence, word] of [['Our cinemas in Paris sell tickets.', 'paris'], ['Tickets for Kinepolis are sold online.', 'kinepolis'], ['Students apply for Erasmus grants.', 'erasmus']]) {
      assert.equal(term(sentence, word)?.plural, false, word);
    }
  });

  it('make the record of the singular, linked as the text says', () => {
    const spec = extractSpec('Each grant funds several Work Packages. Researchers are assigned to Work Packages. Grants have a title and an amount.');
    assert.ok(spec.entities.some((e) => e.name === 'WorkPackage'), spec.entities.map((e) => e.name).join(', '));
    assert.ok(spec.relations.some((r) => r.from === 'WorkPackage' && r.to === 'Grant'), JSON.stringify(spec.relations));
  });
});
