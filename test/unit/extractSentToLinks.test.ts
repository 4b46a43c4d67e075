// "Control commands are sent to the actuators": a record handed over in the passive (sent, forwarded,
// delivered, submitted … to) belongs to the record it goes to; "a set of commands can be sent …" is said
// of the commands. Active sending, a person as receiver, or a count ("the number of …") link nothing.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const links = (text: string): string[] => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);

describe('extract links: sent to a record', () => {
  it('"X is sent / forwarded / submitted to Y": X belongs to Y', () => {
    assert.ok(links('Each signal has a code. Each relay has a label. Signals can be sent to relays.').includes('Signal->Relay'));
    assert.ok(links('Each claim has an amount. Each insurer has a name. Every claim is forwarded to an insurer.').includes('Claim->Insurer'));
    assert.ok(links('Each abstract has a title. Each conference has a name and a city. Abstracts are submitted to a conference.').includes('Abstract->Conference'));
    // ("A set of … can be sent": the commands are what is sent.)
    assert.ok(links('Each command has a status. Each valve has a label. A predefined set of commands can be sent to the valves.').includes('Command->Valve'));
  });

  it('an active sender, a person receiving, or a count before "of" make no such link', () => {
    assert.ok(!links('Each signal has a code. Each relay has a label. The operator sends a test signal and checks the relay.').includes('Signal->Relay'));
    const toPerson = extractSpec('Users sign in with an email. Each report has a title. Reports are sent to the manager.');
    assert.ok(!toPerson.relations.some((r) => r.from === 'Report' && r.to !== 'User'));
    assert.ok(!links('Each airport has a name. The name, address and number of runways are stored for airports.').some((l) => l.startsWith('Runway->')));
  });
});
