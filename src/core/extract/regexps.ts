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

/** The last expression each template in the code built, with the values it was built from. */
const lastBuilt = new WeakMap<TemplateStringsArray, { values: readonly string[]; expression: RegExp }>();

/**
 * pattern`^for ${rest}`: the template's expression (no flags), built once per place in the code as long
 * as its values stay the same. Building the source and looking it up (regExp) at every call made
 * and hashed some 14 MB of text on a 100 KB paste; JavaScript hands a tag the same strings object at
 * each call of one template, so that object is the key.
 */
export function pattern(strings: TemplateStringsArray, ...values: string[]): RegExp {
  const last = lastBuilt.get(strings);
  if (last && last.values.every((value, i) => value === values[i])) return last.expression;
  const expression = regExp(strings.reduce((source, part, i) => source + values[i - 1] + part));
  lastBuilt.set(strings, { values, expression });
  return expression;
}
