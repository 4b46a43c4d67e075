// "the crew that repaired a boat", "a ranger who patrols a park": a relative clause's verb links
// the noun before the pronoun to its object (relativeLinks.withRelativeSubject), and an -s verb
// right after "who" is read as the verb it is (nlpCorrections.verbsAfterWho).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const pairs = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);
const linked = (rels: string[], a: string, b: string) => rels.includes(`${a}->${b}`) || rels.includes(`${b}->${a}`);

describe('extractor relations: relative clauses', () => {
  it("links the noun before 'that' to the relative clause's object ('the crew that repaired a boat')", () => {
    const rels = pairs('Crews have a name and a size. A boat has a hull number. Only the crew that repaired a boat may sign the logbook.');
    assert.ok(linked(rels, 'Crew', 'Boat'), JSON.stringify(rels));
  });

  it("reads an -s verb after 'who' as the verb, with its object before the main verb ('a ranger who patrols parks earns')", () => {
    const rels = pairs('Rangers have a name and a badge. Parks have a name and an area. A ranger who patrols several parks earns a bonus.');
    assert.ok(linked(rels, 'Ranger', 'Park'), JSON.stringify(rels));
  });

  it("a record named with a quantity word as its head is still the relative's subject ('reading groups that belong to clubs')", () => {
    const rels = pairs('Reading groups have a name and a meeting day. Clubs have a name and a founding year. The city has many reading groups that belong to different clubs.');
    assert.ok(linked(rels, 'ReadingGroup', 'Club'), JSON.stringify(rels));
  });

  it("an irregular participle after a noun, before its agent, is a reduced relative's verb ('each essay written by a pupil'), not a record", () => {
    const spec = extractSpec('Pupils have a name and a grade. Essays have a title and a mark. The teacher reviews each essay written by a pupil. The head reads the summary made by a pupil.');
    const rels = spec.relations.map((r) => `${r.from}->${r.to}`);
    assert.ok(linked(rels, 'Essay', 'Pupil'), JSON.stringify(rels));
    assert.ok(!spec.entities.some((e) => /^(Written|Made|SummaryMade)$/.test(e.name)), JSON.stringify(spec.entities.map((e) => e.name)));
  });
});

describe('extractor relations: reading acts link nothing', () => {
  it("one who browses or finds records is not linked to them ('learners may browse open courses in a specific topic', 'a learner can find a mentor')", () => {
    const rels = pairs('Learners have a name. Topics have a title. Mentors have a name. Registered learners may browse open courses in a specific topic. A learner can find a mentor.');
    assert.ok(!linked(rels, 'Learner', 'Topic') && !linked(rels, 'Learner', 'Mentor'), JSON.stringify(rels));
  });
});
