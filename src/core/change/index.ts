// A change to a generated project's model, in plain words: readChange reads it offline against the
// current spec; claudeChange asks Claude for the edited spec and falls back to the offline reading.
export { readChange, type ChangeReading } from './readChange';
export { claudeChange, type ClaudeChangeOptions, type ClaudeChangeReading } from './claudeChange';
