// The vscode-elements web components carry their state on the element, not on the event: these
// read it from an input or change event (React types the target as a plain element).

/** The text or chosen value of a textfield, textarea or single-select. */
export const valueOf = (event: { currentTarget: unknown }): string => (event.currentTarget as { value: string }).value;

/** Whether a checkbox is ticked. */
export const checkedOf = (event: { currentTarget: unknown }): boolean => (event.currentTarget as { checked: boolean }).checked;

/** Ctrl+Enter (Cmd+Enter on macOS) submits from a multi-line field, where Enter starts a new line. */
export const isSubmitKey = (event: { ctrlKey: boolean; metaKey: boolean; key: string }): boolean => (event.ctrlKey || event.metaKey) && event.key === 'Enter';
