/**
 * The sample descriptions offered to a new user: the panel's "Start from an example" links and the
 * walkthrough's one-click samples (takoss.generateFromExample) read this one list.
 */
export interface Example {
  /** Stable id, used in command links: `command:takoss.generateFromExample?["blog"]`. */
  id: string;
  name: string;
  text: string;
}

export const EXAMPLES: readonly Example[] = [
  { id: 'blog', name: 'blog', text: 'Blog with auth and posts.' },
  {
    id: 'task-manager',
    name: 'task manager',
    text: 'A team task manager. Users sign up and log in. A user can create projects; each project has many tasks. A task has a title, a due date, a priority (low, medium, high) and a status (todo, in progress, done).',
  },
  {
    id: 'event-booking',
    name: 'event booking',
    text: 'Event booking: organizers create events (name, venue, start time, capacity, ticket price). Attendees register for events; registration is refused once capacity is reached.',
  },
];

export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((example) => example.id === id);
}
