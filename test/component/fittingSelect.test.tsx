// A select near the bottom of the panel opens its list above itself (issue #17 item 2b): the
// review's selects (relations, rules, field types) are FittingSelects.
import * as assert from 'node:assert/strict';
import { VscodeOption } from '@vscode-elements/react-elements';
import { dropdownPosition, FittingSelect } from '../../webview-ui/src/FittingSelect';
import { act, type LitElementLike, renderUi, screen } from './helpers';

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
