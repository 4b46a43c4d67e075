// Every message between the extension host and the Takoss webview, as zod schemas. Both sides
// import this module and validate what they receive: a malformed message is rejected and
// reported, never acted on. One discriminated union per direction (like VS Code's markdown
// preview); requests carry an id and get a reply or a timeout (like GitLens).
//
// The schemas live in messages/ by direction (toHost.ts, toWebview.ts), what both share in
// common.ts, and validation on receipt in parse.ts; this module is the one import for both sides.
export * from './messages/common';
export * from './messages/parse';
export * from './messages/toHost';
export * from './messages/toWebview';
export * from './messages/change';
export * from './messages/ask';
export * from './messages/extract';
export * from './messages/dependencies';
