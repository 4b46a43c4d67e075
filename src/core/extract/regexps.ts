// Expressions built from a template at each call ("^for (each|…) ${rest}") cost V8 a new RegExp
// object and a compile-cache look-up every time; the passes ask for the same ones thousands of
// times on a long text. Only for expressions without the g or y flag, used with exec/test (those
// keep no state between calls), so one shared object answers as a new one would.

const MAX = 2000;
const built = new Map<string, RegExp>();

/** new RegExp(source, flags), built once per source and flags (never with g or y). */
export function regExp(source: string, flags = ''): RegExp {
  const key = `${flags}/${source}`;
  let pattern = built.get(key);
  if (!pattern) {
    if (/[gy]/.test(flags)) throw new Error(`regExp: a ${flags} expression keeps state between calls; build it with new RegExp`);
    if (built.size >= MAX) built.clear();
    pattern = new RegExp(source, flags);
    built.set(key, pattern);
  }
  return pattern;
}
