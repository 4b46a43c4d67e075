// Tagging many sentences in one parse (tagger.ts parseMany, used by nlp.ts tagSentences) must give
// every text exactly the terms a parse of its own gives it, and the cheaper paths of the extractor
// (language check, shared readings) must answer as the plain ones do.
import * as assert from 'node:assert/strict';
import { analyze, clauses, nounPhrases } from '../../src/core/extract/grammar';
import { checkLanguage } from '../../src/core/extract/language';
import { isTagged, probedWords, probeOf, singularNoun, tagSentence, tagSentences, type Term } from '../../src/core/extract/nlp';
import { tagAhead, withoutAsides } from '../../src/core/extract/grammar';
import { parenthesisLists, tagListFragments } from '../../src/core/extract/inlineLists';
import { forgetAnswers } from '../../src/core/extract/remembered';
import { splitSentences } from '../../src/core/extract/sentences';
import { extractSpec } from '../../src/core/extract';
import { nlp, parseMany, rawTermsOf } from '../../src/core/extract/tagger';

const TEXTS = [
  'Members book fitness classes; a class has a title, a start time and a capacity (at most 20 members).',
  'Mark parcels as collected when the resident signs for them.',
  'Is the shipment late? Then email the supplier at once! Dr. Stone signs it.',
  '',
  'they book them',
  'the analyses',
  'schedule',
  'Our mechanics log work entries for each vehicle (plate number, make, model).',
  "Volunteers don't see the donors' addresses; only coordinators do.",
  'An airline employs several pilots, and each flight has exactly one captain.',
  'Orders go draft → submitted → approved or rejected.',
];

/** What nlp(text) gives one text: the raw terms tagSentence reads. */
function alone(text: string): string {
  const doc = nlp(text);
  doc.compute('root');
  return JSON.stringify(rawTermsOf(doc.docs));
}

describe('extractor: tagging many sentences at once', () => {
  it('gives each text the terms a parse of its own gives it, in order', () => {
    const together = parseMany(TEXTS).map((raw) => JSON.stringify(raw));
    assert.equal(together.length, TEXTS.length);
    TEXTS.forEach((text, i) => assert.equal(together[i], alone(text), text));
  });

  it('the same whatever the neighbours: a text between others or on its own', () => {
    const [reversed] = parseMany([TEXTS[9], TEXTS[0], TEXTS[2]].reverse()).slice(2);
    assert.equal(JSON.stringify(reversed), alone(TEXTS[9]));
  });

  it('shares one frozen array of terms per text: no reader can change what the next one reads', () => {
    const terms = tagSentence('Skippers moor boats at the pontoon.');
    assert.ok(Object.isFrozen(terms));
    assert.throws(() => (terms as Term[]).pop(), TypeError);
    assert.equal(tagSentence('Skippers moor boats at the pontoon.').length, terms.length);
  });

  it('tagSentences leaves tagSentence the terms it would have found itself', () => {
    const texts = ['Tenants report repairs (urgent or not) to the caretaker.', 'Each repair belongs to one flat.'];
    tagSentences(texts);
    for (const text of texts) {
      const terms = tagSentence(text);
      assert.ok(terms.length > 5);
      assert.equal(tagSentence(text), terms, 'cached');
    }
    const repair = tagSentence(texts[0]).find((t) => t.w === 'repairs');
    assert.equal(repair?.pos, 'noun');
    assert.equal(repair?.root, 'repair');
  });
});

describe('extractor: single words tagged ahead', () => {
  it('names the words the passes ask about on their own: -es/-us plurals and words that end like person nouns', () => {
    const words = probedWords(['The curators list the analyses of buses; a technician files the invoices.', 'Menus and statuses']);
    for (const word of ['curator', 'analyses', 'buses', 'technician', 'invoices', 'menus', 'statuses']) assert.ok(words.includes(word), word);
    for (const word of ['the', 'of', 'and', 'a']) assert.ok(!words.includes(word), word);
  });

  it('tagAhead tags their probes with the sentences, so no pass parses them one by one', () => {
    const word = 'syllabuses';
    assert.equal(isTagged(probeOf(word)), false);
    tagAhead([`Teachers publish ${word} each term.`]);
    assert.equal(isTagged(probeOf(word)), true);
    const terms = tagSentence(probeOf(word));
    assert.deepEqual(terms.map((t) => [t.w, t.pos]), [['the', 'det'], [word, 'noun']]);
    assert.equal(singularNoun(word), terms[terms.length - 1].root);
    assert.equal(singularNoun(word), 'syllabus');
  });
});

describe('extractor: list fragments tagged ahead', () => {
  it('tags the words before each list verb and each parenthesis, which the list readers ask about', () => {
    const [sentence] = splitSentences('The rescued sloths (name, weight) are kept with a pen number and a feeding time.').sentences;
    const before = sentence.plain.slice(0, sentence.plain.indexOf(' with '));
    assert.equal(isTagged(before), false);
    tagListFragments([sentence]);
    assert.equal(isTagged(before), true);
    assert.equal(isTagged(withoutAsides(before)), true);
    assert.equal(isTagged('The rescued sloths'), true, 'before the parenthesis, as written');
    // (The plain words are asked about only when no written word comes before the bracket: not tagged for nothing.)
    assert.equal(isTagged('the rescued sloths'), false);
    // The readers find the same fields as without the fragments tagged ahead.
    const sloth = extractSpec(sentence.text).entities.find((e) => e.name === 'RescuedSloth' || e.name === 'Sloth');
    assert.ok(sloth?.fields.some((f) => f.name === 'weight'), JSON.stringify(sloth?.fields.map((f) => f.name)));
  });
});

describe('extractor: the words before a parenthesis, tagged ahead as the reader asks for them', () => {
  it('tags the written words before each bracket, which parenthesisLists asks whether they end with a noun', () => {
    for (const [text, written] of [
      ['Ferries (name, deck count, capacity) sail between islands.', 'Ferries'],
      ['A greenhouse keeps seed trays (tray number, sowing date and species).', 'A greenhouse keeps seed trays'],
      ['Our clinic records every visit (date, reason, vet), and each vet has a licence (number, expiry).', 'Our clinic records every visit (date, reason, vet), and each vet has a licence'],
      ['**Shelters** (name, address) house dogs.', '**Shelters**'],
    ]) {
      forgetAnswers();
      const [sentence] = splitSentences(text).sentences;
      tagListFragments([sentence]);
      assert.equal(isTagged(written), true, text);
      // The reader's answers are the same as with nothing tagged ahead.
      const ahead = parenthesisLists(sentence, sentence.plain, []);
      forgetAnswers();
      assert.deepEqual(ahead, parenthesisLists(sentence, sentence.plain, []), text);
    }
  });
});

describe('extractor: shared readings', () => {
  it('analyze gives the same reading every time, equal to one made afresh', () => {
    const text = 'Trainers create fitness classes with a title (short), a start time and a capacity.';
    const first = analyze(text);
    assert.equal(analyze(text), first);
    const terms = tagSentence('Trainers create fitness classes with a title, a start time and a capacity.');
    assert.equal(first.terms, terms);
    const phrases = nounPhrases(terms);
    assert.deepEqual(first.phrases, phrases);
    assert.deepEqual(first.clauses, clauses(terms, phrases));
  });
});

describe('extractor: language check counts letters as the letter-by-letter count does', () => {
  /** The plain count: every letter, and every Latin-script character, matched one by one. */
  function reference(text: string): number {
    const letters = (text.match(/\p{L}/gu) ?? []).length;
    const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
    return letters ? 1 - latin / letters : 0;
  }

  for (const text of [
    'Customers order products.',
    'Los clientes compran productos y cada pedido tiene líneas con la cantidad.',
    '顧客は商品を注文します。Each order has lines.',
    'Клиенты заказывают товары, each order has 3 lines.',
    'Chapter Ⅻ: the café’s ﬁrst 𝒳 orders (naïve) ªº',
    '1234 !!! ---',
    '',
  ]) {
    it(JSON.stringify(text.slice(0, 30)), () => {
      assert.equal(checkLanguage(text).otherScriptShare, reference(text));
    });
  }
});
