// What "the generated projects need no install scripts" means, shared by the fast check of the
// generated package.json files (test/unit) and the check of a real install (test/generated).

/** npm runs these on install (of the package itself or as a dependency); --ignore-scripts skips them. */
export const INSTALL_LIFECYCLE = ['preinstall', 'install', 'postinstall', 'preprepare', 'prepare', 'postprepare', 'prepublish'];

/**
 * Dependencies that declare an install script but work without it, and why. Verification installs
 * with --ignore-scripts, so anything else with an install script is a dependency that may not work.
 */
export const INSTALL_SCRIPTS_NOT_NEEDED: Record<string, string> = {
  // Its postinstall (install.js) only checks the binary, or downloads it when the optional
  // platform package is missing; npm installs that package (@esbuild/<os>-<cpu>) without a script.
  esbuild: 'binary from the optional @esbuild/<platform> package',
};
