// "Mechanics are assigned to repair jobs", "agents are added to support tickets": after a verb that
// puts someone or something with a thing, "to" is a preposition, and a verb-able word right after it
// names the kind of a piece of work ("repair jobs"), not an infinitive ("trained to repair engines").

/** Verbs (and their participles) after which "to" introduces what something is put with. */
export const PUTTING_TO = /^(?:assign|assigned|allocate|allocated|attach|attached|add|added|link|linked|belong|belongs|belonging|send|sent|move|moved|transfer|transferred|subscribe|subscribed|invite|invited|admit|admitted|appoint|appointed)$/;

/** Nouns (singular) for a piece of work or a group of workers, whose kind a verb-able word names. */
export const WORK_PIECES = new Set(['job', 'task', 'request', 'order', 'shift', 'session', 'ticket', 'case', 'slot', 'appointment', 'visit', 'run', 'trip', 'project', 'duty', 'call', 'mission', 'round', 'crew', 'team', 'queue']);

/**
 * Pieces of work (singular) people are assigned to, each done by one of them: "mechanics are assigned
 * to repair jobs" gives each job its mechanic. Not the groups people join ("players are assigned to teams").
 */
export const ONE_PERSON_WORK = new Set(['job', 'task', 'request', 'order', 'ticket', 'case', 'shift', 'route', 'delivery', 'visit', 'appointment', 'repair', 'inspection', 'issue', 'bug', 'incident', 'call', 'lesson', 'class', 'course', 'tour', 'trip', 'walk', 'session', 'claim', 'complaint', 'application', 'project', 'round', 'run', 'mission', 'duty', 'slot']);

/**
 * Pieces of work one person does when people kept as records are assigned to them ("mechanics are
 * assigned to repairs"); not what many are assigned to together ("students are assigned to classes",
 * "nurses to shifts", "employees to projects"), which the sign-in roles above may each own.
 */
export const ONE_DOER_WORK = new Set(['job', 'task', 'request', 'order', 'ticket', 'case', 'route', 'delivery', 'repair', 'inspection', 'issue', 'bug', 'incident', 'call', 'claim', 'complaint', 'application', 'errand', 'chore']);

/** Whether the word at `at`, after "to", is a modifier of the work piece after it (`wordAt`: the sentence's words, lower case). */
export function namesWorkKind(wordAt: (index: number) => string | undefined, at: number, singularOf: (word: string) => string): boolean {
  return wordAt(at - 1) === 'to' && PUTTING_TO.test(wordAt(at - 2) ?? '') && WORK_PIECES.has(singularOf(wordAt(at + 1) ?? ''));
}
