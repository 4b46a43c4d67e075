import { type RefObject, useEffect, useRef } from 'react';

/**
 * Where the user's eyes and keyboard go when something new arrives (a step, a question): the
 * element is scrolled into view and focused once it mounts, and again whenever `arrival` changes
 * (new content in an element that stays mounted). Give it tabIndex={-1} when it is not focusable
 * by itself (a heading, a region), so keyboard users continue from there.
 */
export function useArrivalFocus<T extends HTMLElement>(block: ScrollLogicalPosition = 'nearest', arrival?: unknown): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block });
    ref.current?.focus({ preventScroll: true });
  }, [block, arrival]);
  return ref;
}
