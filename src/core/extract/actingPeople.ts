// Sign-in read from what people do, by the grammar: "members book classes", "chefs can add recipes",
// "the receptionist checks guests in". (auth.ts reads the sign-in words themselves.)
import { addRole, signInFrom, type AuthFindings } from './authFindings';
import { analyze, type Clause } from './grammar';
import { COLLECTIVE_PEOPLE, NON_ENTITY, NOT_STORED, PERSON_NOUNS, STAFF_ROLES, USER_WORDS } from './lexicon';
import { lexiconTags } from './nlp';
import type { SentenceInfo } from './sentences';

/** Things people do in an app that it must know the person for. */
const ACTING = /^(book|reserve|rent|borrow|order|buy|post|submit|upload|review|rate|comment|cancel|apply|enrol|enroll|vote|follow|favorite|favourite|bid|request)$/;

/** What users do to content of their own that others see or that must stay theirs ("users create
 *  projects and invite other users", "users write posts"): the app must know who they are. */
const USERS_MAKING = /^(create|write|add|invite|share|publish|save|track|manage|keep|log|record)$/;

/**
 * "Chefs can add recipes", "tutors may publish courses", "artists publish their designs": people the
 * app lets make records of their own sign in. ("can"/"may" say what the app allows; "doctors write prescriptions" describes the work.)
 */
function makesOwnRecords(clause: Clause): boolean {
  if (clause.negated || clause.passive || !USERS_MAKING.test(clause.verb)) return false;
  // ("artists publish their designs": with "their", the records are theirs whatever the modal.)
  const allowed = /^(?:can|may)$/.test(clause.modal ?? '');
  return clause.objects.some((o) => o.plural && (allowed || o.possessed) && !NON_ENTITY.has(o.headWord) && !NOT_STORED.has(o.headWord) && !USER_WORDS.has(o.headWord));
}

/**
 * "Recruiters accept or reject applications", "moderators approve posts": people who decide on the app's
 * records use it (the app must know who decided). Only on records (not "accept the terms").
 */
function decidesOnRecords(clause: Clause): boolean {
  if (clause.negated || clause.passive || !DECIDING.test(clause.verb)) return false;
  return clause.objects.some((o) => o.plural && !NON_ENTITY.has(o.headWord) && !NOT_STORED.has(o.headWord) && !USER_WORDS.has(o.headWord));
}
const DECIDING = /^(?:approve|reject|accept|decline|grade|moderate|verify|sign)$/;

/**
 * "The receptionist checks guests in", "cashiers scan the tickets": a staff role doing its work on
 * things of the app uses it (readStaffSubjects knows the usual verbs from the words alone; the
 * grammar finds the rest). Not the owner, who may own a row, nor "city staff", a body of people.
 */
function staffAtWork(clause: Clause, who: string): boolean {
  if (!STAFF_ROLES[who] || /^(?:owner|staff)$/.test(STAFF_ROLES[who]) || clause.passive || clause.negated || LIGHT_WORK.test(clause.verb)) return false;
  return clause.objects.some((o) => !NON_ENTITY.has(o.headWord) && !NOT_STORED.has(o.headWord) && (o.plural || !!o.determiner));
}
/** Verbs that say nothing of work in the app ("the manager has a name", "the clerk is a person"). */
const LIGHT_WORK = /^(?:be|have|want|need|like|know|get|say|tell|think|work)$/;

/** "Members book classes", "customers can cancel their orders": people who act in the app use
 *  it, so they sign in (the app must know whose booking it is). */
export function findActingPeople(found: AuthFindings, sentences: SentenceInfo[]): void {
  for (const sentence of sentences) {
    if (sentence.optional) continue;
    const { clauses, terms } = analyze(sentence.text);
    for (const clause of clauses) {
      const who = clause.subject?.headWord ?? '';
      // Plain "users" who post, book or create things sign in as users (no role of their own); not
      // what an endpoint "allows users to" do, which describes an API that may have no sign-in.
      const finite = terms[clause.verbIndex - 1]?.w !== 'to';
      if (who === 'user' && clause.subject?.plural && finite && clause.objects.length && (ACTING.test(clause.verb) || USERS_MAKING.test(clause.verb))) {
        signInFrom(found, sentence.id);
        found.genericUsersSignIn = true;
        continue;
      }
      if (staffAtWork(clause, who)) {
        signInFrom(found, sentence.id);
        addRole(found.staffRoles, STAFF_ROLES[who]);
        continue;
      }
      // "Staff submit leave requests", "the crew book rooms": a body of people doing what the app must know
      // the doer of signs in as that body (not "staff are friendly", nor "city staff", who run the place).
      if (COLLECTIVE_PEOPLE.has(who) && clause.subject?.key === who && finite && ACTING.test(clause.verb) && !clause.negated && !clause.passive && clause.objects.length) {
        signInFrom(found, sentence.id);
        addRole(STAFF_ROLES[who] ? found.staffRoles : found.personRoles, STAFF_ROLES[who] ?? who);
        continue;
      }
      if (!(ACTING.test(clause.verb) || decidesOnRecords(clause) || makesOwnRecords(clause)) || !clause.subject?.plural) continue;
      if (!(PERSON_NOUNS.has(who) || lexiconTags(who).includes('Actor')) || USER_WORDS.has(who) || found.notUsers.has(who) || STAFF_ROLES[who]) continue;
      signInFrom(found, sentence.id);
      addRole(found.personRoles, who);
    }
  }
}
