import type * as HostModule from './host';

/**
 * The heavy half of the extension (pipeline, generator, providers, parsers, the panel) is its own
 * bundle, dist/host.js, required the first time something needs it, so activation loads only the
 * registrations in dist/extension.js. esbuild.mjs keeps './host' external in the extension bundle;
 * in out/ (tests) it is the transpiled src/vscode/host.js. `require` is synchronous, so callers that
 * must answer synchronously (the API's `history`, a tree item) can load it too.
 */
let hostModule: typeof HostModule | undefined;

export function loadHost(): typeof HostModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the on-demand bundle, by design
  hostModule ??= require('./host') as typeof HostModule;
  return hostModule;
}

/** The host's services, started once on first use. */
export class LazyHost {
  private instance: HostModule.TakossHost | undefined;

  constructor(private readonly start: (module: typeof HostModule) => HostModule.TakossHost) {}

  /** The services, loading and starting them on the first call. */
  get(): HostModule.TakossHost {
    this.instance ??= this.start(loadHost());
    return this.instance;
  }

  /** The services if something already needed them (never loads). */
  get loaded(): HostModule.TakossHost | undefined {
    return this.instance;
  }
}
