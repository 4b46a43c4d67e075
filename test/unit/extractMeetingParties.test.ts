// "Vets see pets in appointments": a row that records one meeting (an appointment, a session)
// belongs to what is acted on and to who acts, when they are records.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const links = (text: string) => extractSpec(text).relations.map((r) => `${r.from}>${r.to}`);

describe('extract relations: the parties of a meeting', () => {
  it('links the meeting to the records its clause acts on', () => {
    assert.ok(links('Vets see pets in appointments. A pet has a name. An appointment has a date and a reason.').includes('Appointment>Pet'));
    const found = links('Doctors treat patients during consultations. A doctor has a name and a specialty. A patient has a name. A consultation has a date.');
    assert.ok(found.includes('Consultation>Patient') && found.includes('Consultation>Doctor'), found.join(' '));
  });

  it('leaves places that are no meetings alone', () => {
    assert.deepEqual(links('Guests stay in rooms. A room has a number. A guest has a name and a phone.'), []);
  });
});
