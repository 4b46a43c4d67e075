// A title on a line of its own without markdown ("Bookings", then the paragraph) is a heading, as
// "## Bookings" is: not the first word of the sentence under it (issue #11).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { splitSentences } from '../../src/core/extract/sentences';

describe('extract: plain-text headings', () => {
  it('reads a short title line with no verb and no punctuation as a heading', () => {
    const { sentences } = splitSentences('Musicians book studios.\n\nStudio bookings\nA booking is for one studio, with a start and an end.\n');
    assert.deepEqual(
      sentences.map((s) => [s.text, s.heading]),
      [['Musicians book studios.', false], ['Studio bookings', true], ['A booking is for one studio, with a start and an end.', false]],
    );
    assert.equal(sentences[2].section, 'Studio bookings');
  });

  it('gives the same model as the markdown heading', () => {
    const plain = 'Musicians book studios. A studio has a name.\n\nBookings\nA booking is for one studio, with a start, an end and a note. The end must be after the start.\n';
    const names = (text: string) => extractSpec(text).entities.map((e) => `${e.name}(${e.fields.map((f) => f.name).join(',')})`).sort();
    assert.deepEqual(names(plain), names(plain.replace('Bookings\n', '## Bookings\n')));
    assert.ok(extractSpec(plain).rules.some((r) => r.kind === 'dateOrder' && r.entity === 'Booking'));
  });

  it('keeps a line with a verb, or one that runs on, in its paragraph', () => {
    const notes = splitSentences('Customers can book studios\nThey pay at the desk.\n').sentences;
    assert.ok(notes.every((s) => !s.heading), JSON.stringify(notes));
    const wrapped = splitSentences('Each studio has a name and\nAn hourly rate is charged.\n').sentences;
    assert.ok(wrapped.every((s) => !s.heading), JSON.stringify(wrapped));
  });
});
