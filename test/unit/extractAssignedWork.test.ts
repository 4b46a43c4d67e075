// People assigned to pieces of work (issue #11, new-user texts): "Mechanics are assigned to repair
// jobs" names the jobs' kind after "assigned to" (not "to repair" the jobs), links each job to the
// user in that role, and "only the assigned mechanic can mark a job done" protects the job for that
// user. Each test owns its text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { tagSentence } from '../../src/core/extract/nlp';

const links = (text: string) => extractSpec(text).relations.map((r) => `${r.from}.${r.name} -> ${r.to}`);

describe('extract: people assigned to pieces of work', () => {
  it('after "assigned to" or "added to", a verb-able word before a piece of work names its kind; an infinitive stays a verb', () => {
    const pos = (text: string, word: string) => tagSentence(text).find((t) => t.w === word)?.pos;
    assert.equal(pos('Tailors are assigned to repair orders.', 'repair'), 'noun');
    assert.equal(pos('Volunteers are added to rescue teams.', 'rescue'), 'noun');
    assert.equal(pos('Tailors are trained to repair coats.', 'repair'), 'verb');
    const spec = extractSpec('Tailors are assigned to repair orders. A repair order has a garment and a due date.');
    assert.ok(spec.entities.some((e) => e.name === 'RepairOrder'), spec.entities.map((e) => e.name).join(' '));
    assert.ok(!spec.notUnderstood.some((n) => n.text.startsWith('Tailors are assigned')), 'the sentence is understood');
  });

  it('users in a role assigned to pieces of work: each piece links to the one doing it, named after the role', () => {
    assert.deepEqual(links('Tailors sign in. Tailors are assigned to repair orders. A repair order has a garment and a due date.'), ['RepairOrder.tailor -> User']);
    assert.deepEqual(links('Couriers sign in. Couriers are assigned to pickup rounds. A pickup round has a date.'), ['PickupRound.courier -> User']);
    // (Groups people join are not pieces of work one of them does: no link from the team to one user.)
    assert.deepEqual(links('Players sign in. Players are assigned to teams. A team has a name.').filter((l) => l.startsWith('Team.')), []);
  });

  it('"only the assigned <role> can …": an ownership rule through the link to that user, or a note saying the link is missing', () => {
    const spec = extractSpec('Tailors sign in. Tailors are assigned to repair orders. A repair order has a garment and a status (open, done). Only the assigned tailor can mark an order done.');
    const order = spec.entities.find((e) => e.name === 'RepairOrder');
    assert.equal(order?.ownerRelation, 'tailor');
    assert.deepEqual(spec.rules.filter((r) => r.kind === 'ownership').map((r) => [r.entity, r.kind === 'ownership' && r.actions]), [['RepairOrder', ['update']]]);
    const unlinked = extractSpec('Tailors sign in. A repair order has a garment and a status (open, done). Only the assigned tailor can mark an order done.');
    assert.deepEqual(unlinked.rules.filter((r) => r.kind === 'ownership'), []);
    assert.match(unlinked.notUnderstood.map((n) => n.reason).join(' '), /has no link to the user it is assigned to/);
  });

  it('whatever plural noun signs in names people: "Nurses sign in", "all tailors must log in" (not the generic member)', () => {
    const roles = (text: string) => {
      const { auth } = extractSpec(text);
      return auth.kind === 'emailPassword' ? auth.roles : [];
    };
    assert.deepEqual(roles('Nurses sign in. A ward has a name.'), ['nurse', 'admin']);
    assert.deepEqual(roles('All tailors must log in. A suit has a size.'), ['tailor', 'admin']);
    assert.deepEqual(roles('Judges sign in. A contest has a date.'), ['judge', 'admin']);
    assert.deepEqual(roles('Users sign in. A contest has a date.'), ['member', 'admin'], 'users are the generic role');
    // Nouns joined as the whole subject of the cue name people each; words that are not plural nouns do not.
    assert.deepEqual(roles('Vets and receptionists sign in. A pet has a name.'), ['vet', 'receptionist', 'admin']);
    assert.deepEqual(roles('Owners and the public can sign in. A pet has a name.'), ['owner', 'admin']);
  });
});

