// `import text from './templates/x.ts?text'` gives the file's text (esbuild.mjs inlines it).
declare module '*?text' {
  const text: string;
  export default text;
}
