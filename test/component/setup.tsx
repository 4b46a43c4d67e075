// Loaded before the component test files (runMochaSuite's `require`, like `mocha --require`). It
// makes this Node process look like the webview: a jsdom window installed as the global
// environment before React, React Flow or Lit load (they probe `window`/`document`/`HTMLElement`
// when their modules are evaluated), plus the few browser APIs jsdom lacks.
//
// The suite's process is started with --conditions=browser (see testAll.ts): under the default
// "node" condition @lit/react resolves to its server-rendering build, whose wrappers never set
// properties or attach event listeners, so <VscodeTextarea value onInput> would be inert. With the
// browser condition Node picks the same builds esbuild bundles into the real webview.
import { JSDOM } from 'jsdom';

// Components import stylesheets (styles.css, '@xyflow/react/dist/style.css'); the webview bundle
// extracts them, here they load as nothing. jsdom would not apply them in any case.
// (require.extensions is deprecated but is the CommonJS loader's only per-file-type hook.)
require.extensions['.css'] = () => undefined;

const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
  url: 'https://takoss.test/',
  pretendToBeVisual: true, // requestAnimationFrame, used by React Flow
});
const { window } = dom;

// Node 20 has globals of its own with these names; DOM code needs jsdom's (a jsdom EventTarget
// only dispatches jsdom Events). Everything else Node already has (timers, URL, crypto,
// performance, TextEncoder, ...) stays Node's.
const PREFER_JSDOM = new Set(['Event', 'EventTarget', 'CustomEvent', 'MessageEvent', 'AbortController', 'AbortSignal', 'DOMException']);
const windowProps = window as unknown as Record<string, unknown>;
for (const key of Object.getOwnPropertyNames(window)) {
  if (key in globalThis && !PREFER_JSDOM.has(key)) continue;
  Object.defineProperty(globalThis, key, { configurable: true, writable: true, value: windowProps[key] });
}
for (const key of ['addEventListener', 'removeEventListener', 'dispatchEvent'] as const) {
  Object.defineProperty(globalThis, key, { configurable: true, writable: true, value: window[key].bind(window) });
}

// ---- Browser APIs jsdom lacks ----

/**
 * Form-associated custom elements: every vscode-elements input calls `attachInternals()` and then
 * `setFormValue`/`setValidity`/`checkValidity` on the result, which jsdom's ElementInternals (ARIA
 * reflection only) does not have; without them `vscode-textarea`'s value setter throws. This adds
 * them with the spec's meaning, minus the parts that need layout (reportValidity shows nothing).
 */
function shimElementInternals(): void {
  interface FormState {
    element: HTMLElement;
    value: unknown;
    flags: Partial<Record<keyof ValidityState, boolean>>;
    message: string;
  }
  const states = new WeakMap<ElementInternals, FormState>();
  const state = (internals: ElementInternals): FormState => {
    const found = states.get(internals);
    if (!found) throw new window.DOMException('ElementInternals without an element', 'InvalidStateError');
    return found;
  };
  const attachInternals = window.HTMLElement.prototype.attachInternals;
  window.HTMLElement.prototype.attachInternals = function (this: HTMLElement) {
    const internals = attachInternals.call(this);
    states.set(internals, { element: this, value: null, flags: {}, message: '' });
    return internals;
  };
  const proto = window.ElementInternals.prototype as ElementInternals;
  const validity = (internals: ElementInternals): ValidityState => {
    const { flags } = state(internals);
    const invalid = Object.values(flags).some(Boolean);
    return { badInput: false, customError: false, patternMismatch: false, rangeOverflow: false, rangeUnderflow: false, stepMismatch: false, tooLong: false, tooShort: false, typeMismatch: false, valueMissing: false, ...flags, valid: !invalid };
  };
  Object.defineProperties(proto, {
    form: { configurable: true, get: function (this: ElementInternals) { return state(this).element.closest('form'); } },
    willValidate: { configurable: true, get: () => true },
    validity: { configurable: true, get: function (this: ElementInternals) { return validity(this); } },
    validationMessage: { configurable: true, get: function (this: ElementInternals) { return state(this).message; } },
    setFormValue: {
      configurable: true,
      value: function (this: ElementInternals, value: unknown) {
        state(this).value = value;
      },
    },
    setValidity: {
      configurable: true,
      value: function (this: ElementInternals, flags: ValidityStateFlags = {}, message = '') {
        const { valid: _ignored, ...rest } = flags as ValidityStateFlags & { valid?: boolean };
        Object.assign(state(this), { flags: rest, message: Object.values(rest).some(Boolean) ? message : '' });
      },
    },
    checkValidity: {
      configurable: true,
      value: function (this: ElementInternals) {
        if (validity(this).valid) return true;
        state(this).element.dispatchEvent(new window.Event('invalid', { cancelable: true }));
        return false;
      },
    },
    reportValidity: {
      configurable: true,
      value: function (this: ElementInternals) {
        return this.checkValidity();
      },
    },
  });
}
shimElementInternals();

/**
 * React Flow observes its pane and every node to measure them. jsdom does no layout, so there is
 * never a size change to report: an observer that records nothing is exactly what a browser would
 * do for boxes that never resize.
 */
class ResizeObserverShim implements ResizeObserver {
  constructor(_callback: ResizeObserverCallback) {}
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(globalThis, { ResizeObserver: ResizeObserverShim });

// jsdom has no innerText (it does no layout); vscode-single-select reads its options' innerText.
// Without layout the rendered text is the text content, which is what the options hold.
if (!('innerText' in window.HTMLElement.prototype)) {
  Object.defineProperty(window.HTMLElement.prototype, 'innerText', {
    get(this: HTMLElement) {
      return this.textContent ?? '';
    },
    set(this: HTMLElement, value: string) {
      this.textContent = value;
    },
    configurable: true,
  });
}
Object.assign(window, { ResizeObserver: ResizeObserverShim });

// React's act() warnings are on when the environment says it is a test.
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

/** Root hooks (mocha picks up `mochaHooks` from required modules). */
export const mochaHooks = {
  afterEach(): void {
    // Required lazily: helpers imports React, which must only load after the globals above exist.
    (require('./helpers') as typeof import('./helpers')).cleanupAfterTest();
  },
  afterAll(): void {
    window.close();
  },
};
