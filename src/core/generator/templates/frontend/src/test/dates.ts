// Sample dates for the tests, counted from the day they run: the first is 30 days from today
// (UTC) and the others are later, so no sample date is ever in the past and the tests keep passing
// as time goes on.
const DAY_MS = 86_400_000;
const FIRST_DAY = new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10);

/** A date (YYYY-MM-DD) `days` after the first sample day. */
export function sampleDate(days = 0): string {
  return new Date(Date.parse(FIRST_DAY) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 10:30 on that day as a date-time input takes it (YYYY-MM-DDTHH:mm, local time). */
export function sampleLocalDateTime(days = 0): string {
  return `${sampleDate(days)}T10:30`;
}

/** 10:30 UTC on that day as the API sends it (ISO 8601). */
export function sampleIsoDateTime(days = 0): string {
  return `${sampleDate(days)}T10:30:00.000Z`;
}
