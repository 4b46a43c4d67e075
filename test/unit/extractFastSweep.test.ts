// The faster pattern sweep (src/core/extract/fastSweep.ts) must pick exactly the patterns
// compromise's own bulkMatch picks, in the same order, and the configured tagger (tagger.ts: that
// sweep, no chunking) must tag exactly as compromise does out of the box.
import * as assert from 'node:assert/strict';
import type nlpType from 'compromise';
import { bulkMatch, type SweepFound, type SweepMethods, type SweepNet } from '../../src/core/extract/fastSweep';
import { nlp as configured } from '../../src/core/extract/tagger';

type Nlp = typeof nlpType;
type BulkMatch = (document: unknown[][], net: SweepNet, methods: SweepMethods, opts?: object) => SweepFound[];

/** A compromise instance of its own, as shipped (the shared one is configured by tagger.ts). */
function freshCompromise(): Nlp {
  const id = require.resolve('compromise');
  const shared = require.cache[id];
  delete require.cache[id];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require('compromise') as { default?: Nlp } & Nlp;
    return loaded.default ?? loaded;
  } finally {
    // Whoever loads compromise next (tagger.ts) gets the instance it had, or one of its own.
    if (shared) require.cache[id] = shared;
    else delete require.cache[id];
  }
}

const SENTENCES = [
  'Each borrower can reserve up to three titles, and a reservation expires after 48 hours.',
  "Volunteers don't see the donors' addresses; only coordinators do.",
  'The clinic was founded in 1998 by Dr. Amelia Stone in Toronto, Ontario.',
  'Mark parcels as collected when the resident signs for them.',
  'A quote has line items (description, quantity, unit price) and a total.',
  'Runners who finished the race were given medals, water and a half of a banana.',
  'Is the shipment late? Then email the supplier at once!',
  'the sizes',
  'schedule',
  'Log in, then upload photos; admins approve or reject each photo.',
  'She is walking quickly to the store because it will close at 9pm on Friday.',
];

const signature = (found: SweepFound[]): string => JSON.stringify(found.map((f) => [f.match, f.pointer]));

function termsOf(doc: ReturnType<Nlp>): string {
  return JSON.stringify(doc.docs.map((terms) => terms.map((t) => [t.text, t.normal, [...(t.tags ?? [])]])));
}

describe('extractor: faster compromise sweep', () => {
  const fresh = freshCompromise();
  const methods = fresh.methods() as { one: SweepMethods['one'] & { bulkMatch: BulkMatch } };
  const original = methods.one.bulkMatch;

  /** Runs fn with compromise's bulkMatch checked against ours on every sweep; returns how many sweeps matched. */
  function compared(fn: () => void): { sweeps: number; found: number } {
    const seen = { sweeps: 0, found: 0 };
    methods.one.bulkMatch = (document, net, m, opts) => {
      const theirs = original(document, net, m, opts);
      assert.equal(signature(bulkMatch(document, net, m, opts)), signature(theirs));
      seen.sweeps++;
      seen.found += theirs.length;
      return theirs;
    };
    try {
      fn();
    } finally {
      methods.one.bulkMatch = original;
    }
    return seen;
  }

  it('picks the same patterns as compromise in the tagger and the chunker', () => {
    const seen = compared(() => {
      for (const sentence of SENTENCES) fresh(sentence);
    });
    assert.ok(seen.sweeps >= SENTENCES.length * 2, 'both the tagger and the chunker swept');
    assert.ok(seen.found > 10, 'the sentences trigger corrections');
  });

  it('keeps compromise’s rule for a net whose patterns share a match text (the first one is tried)', () => {
    const net = fresh.buildNet([
      { match: 'the [#Noun]', group: 0, tag: 'Person' },
      { match: 'the [#Noun]', group: 0, tag: 'Place' },
      { match: '#Determiner #Adjective', tag: 'Value' },
    ]);
    const doc = fresh('the tall tree and the house');
    const seen = compared(() => doc.sweep(net));
    assert.equal(seen.sweeps, 1);
    assert.ok(seen.found >= 2, 'both patterns of the sentence matched');
  });

  it('tags as compromise does out of the box', () => {
    for (const sentence of SENTENCES) {
      const shipped = fresh(sentence);
      const ours = configured(sentence);
      assert.equal(termsOf(ours), termsOf(shipped), sentence);
    }
  });
});
