// A select near the bottom of the panel opens its list above itself (issue #17 item 2b): the
// review's selects (relations, rules, field types) are FittingSelects.
import * as assert from 'node:assert/strict';
import { VscodeOption } from '@vscode-elements/react-elements';
import { dropdownPosition, FittingSelect, labelOf } from '../../webview-ui/src/FittingSelect';
import { act, fireEvent, type LitElementLike, litSettled, renderUi, screen } from './helpers';

type Popover = { showPopover?: () => void; hidePopover?: () => void };

describe('FittingSelect: the list opens where it fits', () => {
  const proto = HTMLElement.prototype as Popover;
  const had = { show: proto.showPopover, hide: proto.hidePopover };
  // jsdom has no popover API, which vscode-single-select uses to show its list.
  before(() => {
    proto.showPopover ??= () => undefined;
    proto.hidePopover ??= () => undefined;
  });
  after(() => {
    proto.showPopover = had.show;
    proto.hidePopover = had.hide;
  });

  /** A select with `options` options whose box is at `top` in a 768 px high window, opened as a click opens it. */
  async function openAt(top: number, options = 8): Promise<string | null> {
    await renderUi(
      <FittingSelect value="o0" data-testid="select" onChange={() => undefined}>
        {Array.from({ length: options }, (_, i) => (
          <VscodeOption key={i} value={`o${i}`}>{`Option ${i}`}</VscodeOption>
        ))}
      </FittingSelect>,
    );
    const select = screen.getByTestId('select') as LitElementLike & { open: boolean };
    select.getBoundingClientRect = () => ({ top, bottom: top + 26, left: 0, right: 200, width: 200, height: 26, x: 0, y: top, toJSON: () => ({}) });
    await act(async () => {
      select.open = true;
      await select.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 0));
      await select.updateComplete;
    });
    return select.getAttribute('position');
  }

  it('near the bottom of the panel it opens above', async () => {
    assert.equal(window.innerHeight, 768);
    assert.equal(await openAt(700), 'above');
  });

  it('with room below it stays below', async () => {
    assert.equal(await openAt(100), 'below');
  });

  it('dropdownPosition: a short list that fits below stays below even low in the panel', () => {
    assert.equal(dropdownPosition({ top: 700, bottom: 726 }, 768, 1), 'below', '1 option (30 px) fits in 42 px');
    assert.equal(dropdownPosition({ top: 700, bottom: 726 }, 768, 2), 'above');
    assert.equal(dropdownPosition({ top: 20, bottom: 46 }, 100, 10), 'below', 'more room below than above: below');
    assert.equal(dropdownPosition({ top: 500, bottom: 526 }, 768, 10), 'below', '10 options need 228 px; 242 px below');
    assert.equal(dropdownPosition({ top: 560, bottom: 586 }, 768, 10), 'above', '182 px below is too little');
  });
});

describe('FittingSelect out of sight: a light stand-in until it comes near the view or gets focus', () => {
  /** A stand-in for the browser's IntersectionObserver (jsdom has none): the test says when an element comes into view. */
  class FakeObserver {
    static all: FakeObserver[] = [];
    readonly targets = new Set<Element>();
    constructor(private readonly callback: (entries: Array<{ isIntersecting: boolean; target: Element }>) => void) {
      FakeObserver.all.push(this);
    }
    observe(target: Element) {
      this.targets.add(target);
    }
    unobserve(target: Element) {
      this.targets.delete(target);
    }
    disconnect() {
      this.targets.clear();
    }
    static show(target: Element) {
      for (const observer of FakeObserver.all) if (observer.targets.has(target)) observer.callback([{ isIntersecting: true, target }]);
    }
  }
  const global = globalThis as { IntersectionObserver?: unknown };
  const proto = HTMLElement.prototype as Popover;
  const had = { show: proto.showPopover, hide: proto.hidePopover };
  before(() => {
    global.IntersectionObserver = FakeObserver;
    proto.showPopover ??= () => undefined;
    proto.hidePopover ??= () => undefined;
  });
  after(() => {
    delete global.IntersectionObserver;
    proto.showPopover = had.show;
    proto.hidePopover = had.hide;
  });
  beforeEach(() => (FakeObserver.all = []));

  const TYPES = ['string', 'integer', 'date'];
  const select = () =>
    renderUi(
      <FittingSelect value="integer" aria-label="Type of Task.count" data-testid="type" onChange={() => undefined}>
        {TYPES.map((type) => (
          <VscodeOption key={type} value={type}>{`${type} value`}</VscodeOption>
        ))}
      </FittingSelect>,
    );

  it('shows the label of its value in a stand-in with the same name, and no vscode-single-select yet', async () => {
    await select();
    const standIn = screen.getByTestId('type');
    assert.equal(standIn.localName, 'button');
    assert.equal(standIn.textContent, 'integer value');
    assert.equal(standIn.getAttribute('aria-label'), 'Type of Task.count');
    assert.equal((standIn as HTMLButtonElement).value, 'integer', 'its value reads like the select\'s');
    assert.equal(document.querySelector('vscode-single-select'), null);
  });

  it('becomes the real select, with its value, when it comes near the view', async () => {
    await select();
    await act(async () => FakeObserver.show(screen.getByTestId('type')));
    await litSettled();
    const real = screen.getByTestId('type') as LitElementLike;
    assert.equal(real.localName, 'vscode-single-select');
    assert.equal(real.value, 'integer');
  });

  it('clicked, it becomes the real select with its list open', async () => {
    await select();
    await act(async () => fireEvent.mouseDown(screen.getByTestId('type')));
    await litSettled();
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    const real = screen.getByTestId('type') as LitElementLike & { open: boolean };
    assert.equal(real.localName, 'vscode-single-select');
    assert.equal(real.open, true);
  });

  it('focused (Tab), it becomes the real select and hands it the focus', async () => {
    await select();
    const focused: Element[] = [];
    const focus = HTMLElement.prototype.focus;
    HTMLElement.prototype.focus = function (this: HTMLElement, options?: FocusOptions) {
      focused.push(this);
      return focus.call(this, options);
    };
    try {
      await act(async () => screen.getByTestId('type').focus());
      await litSettled();
      const real = screen.getByTestId('type');
      assert.equal(real.localName, 'vscode-single-select');
      assert.equal(focused.at(-1), real, 'the real select was focused');
    } finally {
      HTMLElement.prototype.focus = focus;
    }
  });

  it('labelOf reads nested option text, and falls back to the value', () => {
    const options = [
      <VscodeOption key="a" value="a">
        <b>Alpha</b> one
      </VscodeOption>,
    ];
    assert.equal(labelOf(options, 'a'), 'Alpha one');
    assert.equal(labelOf(options, 'z'), 'z');
  });
});
