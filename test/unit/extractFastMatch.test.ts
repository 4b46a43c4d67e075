// The faster pattern run (src/core/extract/fastMatch.ts) must give exactly what compromise's own
// match gives, for every pattern of the tagger's correction net, on clauses of many shapes.
import * as assert from 'node:assert/strict';
import { matchClause, type MatchPattern, type Matcher } from '../../src/core/extract/fastMatch';
import { nlp } from '../../src/core/extract/tagger';

interface Net {
  hooks: Record<string, MatchPattern[]>;
  always: MatchPattern[];
}
type BulkMatch = (document: unknown, net: Net, ...rest: unknown[]) => unknown;
interface World {
  methods: { one: Matcher & { bulkMatch: BulkMatch; parseMatch(pattern: string, options: object, world: unknown): NonNullable<MatchPattern['regs']> } };
}

/** The tagger's correction net, as its pattern pass hands it to bulkMatch. */
function taggerNet(world: World): Net {
  const sweep = world.methods.one.bulkMatch;
  let net: Net | undefined;
  world.methods.one.bulkMatch = (document, seen, ...rest) => ((net ??= seen), sweep(document, seen, ...rest));
  try {
    nlp('The tagger sweeps this sentence.');
  } finally {
    world.methods.one.bulkMatch = sweep;
  }
  assert.ok(net, 'the tagger swept');
  return net;
}

const CLAUSES = [
  'Each borrower can reserve up to three titles, and a reservation expires after 48 hours.',
  "Volunteers don't see the donors' addresses; only coordinators do, and we've said so.",
  'The clinic was founded in 1998 by Dr. Amelia Stone in Toronto, Ontario, on March 3rd.',
  'Mark parcels as collected when the resident signs for them.',
  'A quote has line items (description, quantity, unit price) and a total of $1,200.50.',
  'Runners who finished the race were given medals, water and a half of a banana.',
  'Is the shipment late? Then email the supplier at once!',
  'She is walking quickly to the store because it will close at 9pm on Friday.',
  'As a manager, I want to approve or reject each leave request so that staff know where they stand.',
  'The very big old red barn near the river has been painted twice by John Smith Jr.',
  'Students enrol in courses; a course has a code, a title, 5 credits and a teacher.',
  'Orders must not be shipped before payment is received, unless the customer is trusted.',
  'If a booking is cancelled less than 24 hours before the start, a fee of 10% is charged.',
  "They'd rather not; it isn't what he'll want, but it's fine - well, mostly.",
  'Log in, then upload photos; admins approve or reject each photo within two weeks.',
  'the sizes',
  'schedule',
];

describe('extractor: faster pattern run (fastMatch)', () => {
  const world = (nlp('a warm-up sentence') as unknown as { world: World }).world;
  const net = taggerNet(world);
  const patterns = [...new Set([...Object.values(net.hooks).flat(), ...net.always])];

  it('gives compromise’s pointers for every tagger pattern on every clause', () => {
    let found = 0;
    let skipped = 0;
    let tried = 0;
    for (const clause of CLAUSES) {
      // Tagged terms, as the tagger's pattern pass sees them (one clause of the document at a time).
      for (const terms of nlp(clause).docs as unknown[][]) {
        for (const pattern of patterns) {
          const theirs = world.methods.one.match([terms], pattern).ptrs;
          let runs = 0;
          const counting: Matcher = { match: (document, p) => (runs++, world.methods.one.match(document, p)) };
          const ours = matchClause(terms, pattern, counting);
          if (runs === 0) skipped++;
          assert.deepEqual(ours, theirs, `${JSON.stringify((pattern as { match?: string }).match)} on "${clause}"`);
          found += theirs.length;
          tried++;
        }
      }
    }
    assert.ok(found > 30, `the clauses match many patterns (${found})`);
    assert.ok(skipped > tried / 2, `most runs were skipped (${skipped} of ${tried})`);
  });

  it('runs compromise only where the first two tokens fit neighbouring words', () => {
    const terms = nlp('the red car and the blue car').docs[0] as unknown[];
    const parse = (match: string): MatchPattern => ({ regs: world.methods.one.parseMatch(match, {}, world) });
    let runs = 0;
    const counting: Matcher = { match: (document, p) => (runs++, world.methods.one.match(document, p)) };
    assert.deepEqual(matchClause(terms, parse('the car'), counting), []);
    assert.deepEqual(matchClause(terms, parse('#Adjective the'), counting), []);
    assert.equal(runs, 0, 'no neighbouring words fit');
    // Fitting neighbours, or a token kind not tested here: compromise decides.
    assert.equal(matchClause(terms, parse('blue car'), counting).length, 1);
    assert.equal(matchClause(terms, parse('/^re/ car'), counting).length, 1);
    assert.equal(runs, 2);
    // A contraction's parts ("we've": we, have): as compromise matches them.
    const contracted = nlp("we've got cars and they'd sell them").docs[0] as unknown[];
    for (const match of ['we have got', "we've got", 'we got', 'they would sell', 'have got', '#Pronoun #Verb']) {
      assert.deepEqual(matchClause(contracted, parse(match), world.methods.one), world.methods.one.match([contracted], parse(match)).ptrs, match);
    }
  });

  it('tests blocks of choices, optional tokens and later tokens before running compromise', () => {
    const terms = nlp('the red car and the blue car').docs[0] as unknown[];
    const parse = (match: string): MatchPattern => ({ regs: world.methods.one.parseMatch(match, {}, world) });
    let runs = 0;
    const counting: Matcher = { match: (document, p) => (runs++, world.methods.one.match(document, p)) };
    // None of these can match: a block no word fits, a third token no word fits, an optional token skipped or taken.
    for (const match of ['(#Verb && car)', '(#Verb|#Pronoun) car', 'the #Adjective the', 'the #Adjective? and', '(the|a) #Adjective? #Verb', '(#Adjective && #Noun) car']) {
      assert.deepEqual(matchClause(terms, parse(match), counting), [], match);
    }
    assert.equal(runs, 0, 'no words fit these first tokens');
    // These can: the block, the optional token taken or skipped, and one that may take several words.
    for (const match of ['(#Adjective && red) car', '(blue|green car) car', 'the #Adjective? car', 'and #Adjective? the', 'the (red car|red) and', '#Determiner #Adjective+ car']) {
      assert.deepEqual(matchClause(terms, parse(match), counting), world.methods.one.match([terms], parse(match)).ptrs, match);
      assert.ok(world.methods.one.match([terms], parse(match)).ptrs.length > 0, `${match} matches`);
    }
    assert.equal(runs, 6);
  });
});
