import { useEffect, useState } from 'react';

/** Editors drawn at once; the rest follow a few at a time (PROGRESSIVE_STEP per turn). */
export const PROGRESSIVE_FIRST = 12;
export const PROGRESSIVE_STEP = 4;

/**
 * How many of `total` heavy items to draw now. A long paste gives dozens of entities, each a table
 * of selects and checkboxes: drawn together they held the review back for seconds (3 of 4 seconds
 * for a 50 KB text). The first ones are drawn at once, the rest a few per turn of the event loop,
 * so the review shows at once and is complete a moment later.
 */
export function useProgressiveCount(total: number, first = PROGRESSIVE_FIRST, step = PROGRESSIVE_STEP): number {
  const [count, setCount] = useState(first);
  useEffect(() => {
    if (count >= total) return;
    const next = setTimeout(() => setCount((n) => n + step), 0);
    return () => clearTimeout(next);
  }, [count, total, step]);
  return Math.min(count, total);
}
