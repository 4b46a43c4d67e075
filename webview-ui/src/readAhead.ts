// A long text on the form is sent to the host a moment after it stops changing, so that the host
// reads it ahead (tags its sentences) while the user looks it over, names the project or picks the
// generator: "Review the data model" then only has the model to build (issue #17 item 5).
import { useEffect } from 'react';
import { READ_AHEAD_MIN_CHARS } from '../../src/model/protocol';
import type { Bridge } from './bridge';

/** Long enough that typing does not send a text at every key; short enough that a paste is read at once. */
export const READ_AHEAD_DELAY_MS = 400;

/** Sends `requirements` (when long, and after READ_AHEAD_DELAY_MS without a change) for reading ahead; undefined sends nothing. */
export function useReadAhead(bridge: Pick<Bridge, 'readAhead'>, requirements: string | undefined): void {
  useEffect(() => {
    if (!requirements || requirements.length < READ_AHEAD_MIN_CHARS) return undefined;
    const timer = setTimeout(() => bridge.readAhead(requirements), READ_AHEAD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [bridge, requirements]);
}
