import { useEffect, useRef, useState } from 'react';

/**
 * The choice still meant among `options` after they changed: kept while offered; when it was renamed
 * (same place, new name) the new name; when removed, the one now in its place (or the last). Never a
 * name no longer offered, so a picker never shows blank and an action never names a gone entity.
 */
export function followChoice(previous: readonly string[], options: readonly string[], chosen: string | undefined): string | undefined {
  if (chosen !== undefined && options.includes(chosen)) return chosen;
  if (options.length === 0) return undefined;
  const at = chosen === undefined ? -1 : previous.indexOf(chosen);
  return at < 0 ? options[0] : options[Math.min(at, options.length - 1)];
}

/**
 * A picker's choice among `options` (e.g. the spec's entity names) that follows renames and
 * removals (see followChoice). `initial` picks the starting option by position.
 */
export function useFollowingChoice(options: readonly string[], initial = 0): [string | undefined, (next: string) => void] {
  const [chosen, setChosen] = useState<string | undefined>(options[Math.min(initial, options.length - 1)]);
  const seen = useRef(options);
  const current = followChoice(seen.current, options, chosen);
  useEffect(() => {
    seen.current = options;
    if (current !== chosen) setChosen(current);
  });
  return [current, setChosen];
}
