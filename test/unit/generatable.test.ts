// One answer to "can this spec be generated?" for the review step, the panel, the CLI and the pipeline.
import { strict as assert } from 'node:assert';
import { assertGeneratable, generationProblems, InvalidSpecError, NO_ENTITIES } from '../../src/model/project/generatable';
import { loadFixtureSpec } from '../shared/claudeModels';

describe('generationProblems', () => {
  it('has nothing to say about a valid spec', () => {
    assert.deepEqual(generationProblems(loadFixtureSpec('events')), []);
    assert.doesNotThrow(() => assertGeneratable(loadFixtureSpec('clinic')));
  });

  it('names the missing data model first, with what to do about it', () => {
    const spec = { ...loadFixtureSpec('events'), entities: [], relations: [], rules: [], warnings: [] };
    const problems = generationProblems(spec);
    assert.equal(problems[0], NO_ENTITIES);
    assert.match(problems[0], /add one in the review step/);
    const noted = generationProblems({ ...spec, warnings: ['The text looks like French; Takoss reads English.'] });
    assert.equal(noted[0], `${NO_ENTITIES} The extraction noted: The text looks like French; Takoss reads English.`);
  });

  it('lists every inconsistency and throws them together', () => {
    const spec = loadFixtureSpec('events');
    const broken = { ...spec, relations: [...spec.relations, { ...spec.relations[0], to: 'Nowhere' }] };
    const problems = generationProblems(broken);
    assert.ok(problems.some((p) => p.includes('unknown entity Nowhere')), problems.join('\n'));
    assert.throws(
      () => assertGeneratable(broken),
      (error: unknown) => error instanceof InvalidSpecError && error.problems.length === problems.length && /cannot be generated/.test(error.message),
    );
  });
});
