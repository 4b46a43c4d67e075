// The passes ask the same questions of the same words and sentences again and again (a singular, a
// cleaned sentence, whether a word names a person). One bounded memo for all of them: a long paste
// must not grow a cache without end, so a full cache starts again empty.

/** Every memo of the extractor, so that all can be forgotten at once (forgetAnswers). */
const memos = new Set<{ clear(): void }>();

/** Registers a cache the extractor keeps between texts; the cache itself is returned. */
export function keptBetweenTexts<T extends { clear(): void }>(cache: T): T {
  memos.add(cache);
  return cache;
}

/**
 * Empties every memo: the next text is read as if none before it had been (the big-input bench
 * measures a long paste with the code warm but nothing remembered; answers never depend on it).
 */
export function forgetAnswers(): void {
  for (const memo of memos) memo.clear();
}

/** `compute`, remembered by its argument; at most `limit` answers are kept (undefined answers too). */
export function remembered<T>(compute: (key: string) => T, limit: number): (key: string) => T {
  const known = keptBetweenTexts(new Map<string, T>());
  return (key: string): T => {
    // One look-up for a known answer (a second only when the answer kept is undefined).
    const hit = known.get(key);
    if (hit !== undefined || known.has(key)) return hit as T;
    if (known.size >= limit) known.clear();
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}
