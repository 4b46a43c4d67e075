// Expressions built from a template at each call ("^for (each|…) ${rest}") cost V8 a new RegExp
// object and a compile-cache look-up every time; the passes ask for the same ones thousands of
// times on a long text. Only for expressions without the g or y flag, used with exec/test (those
// keep no state between calls), so one shared object answers as a new one would.

import { remembered } from './remembered';

/** Keyed by flags, then source: flags never hold a '/'. */
const built = remembered((key) => {
  const slash = key.indexOf('/');
  return new RegExp(key.slice(slash + 1), key.slice(0, slash));
}, 2000);

/** new RegExp(source, flags), built once per source and flags (never with g or y). */
export function regExp(source: string, flags = ''): RegExp {
  if (/[gy]/.test(flags)) throw new Error(`regExp: a ${flags} expression keeps state between calls; build it with new RegExp`);
  return built(`${flags}/${source}`);
}
