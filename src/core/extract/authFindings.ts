// What the sign-in cues found (auth.ts reads the words, actingPeople.ts the grammar), and the two
// ways a cue adds to it: a role, and a sentence that is a reason for sign-in.

export interface AuthFindings {
  enabled: boolean;
  sources: number[];
  /** Roles in order of appearance (staff and person roles). */
  staffRoles: string[];
  personRoles: string[];
  /** People nouns that explicitly do not sign in. */
  notUsers: Set<string>;
  selfSignup: boolean;
  /** A role said to manage everything. */
  adminLike?: string;
  /** "admin" was implied by a verb ("to post, administer"). */
  adminImplied: boolean;
  /** Whether the generic "users" themselves sign up (as opposed to a named role). */
  genericUsersSignIn: boolean;
  /** Accounts are stored records here (numbers, balances, kinds of account), not sign-ins. */
  accountsAreRecords: boolean;
}

/** Adds a role once, in order of appearance. */
export function addRole(list: string[], role: string): void {
  if (!list.includes(role)) list.push(role);
}

/** Sign-in is needed, and this sentence is one reason why. */
export function signInFrom(found: AuthFindings, id: number): void {
  found.enabled = true;
  if (!found.sources.includes(id)) found.sources.push(id);
}
