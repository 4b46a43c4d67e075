import * as assert from 'node:assert/strict';
import { ExplanationCard } from '../../webview-ui/src/ExplanationCard';
import { fireEvent, renderUi, screen } from './helpers';

const explanation = {
  project: 'Blog',
  path: 'backend/src/routes/posts.ts',
  explanation: 'The API for posts.',
  layer: 'backend/routes',
  stage: 'api-routes:Post',
  requirements: ['Blog with auth and posts.'],
};

describe('ExplanationCard ("Takoss: Explain This File")', () => {
  it('shows the file, its stage and requirements, takes focus, and closes with Escape or Close', async () => {
    let closed = 0;
    await renderUi(<ExplanationCard explanation={explanation} onClose={() => closed++} />);
    const card = screen.getByTestId('explanation-card');
    assert.equal(document.activeElement, card, 'focused, so a screen reader reads it');
    assert.match(card.textContent ?? '', /written by the stage api-routes:Post/);
    assert.match(screen.getByTestId('explanation-requirements').textContent ?? '', /Blog with auth and posts/);
    fireEvent.keyDown(window, { key: 'Escape' });
    fireEvent.click(screen.getByTestId('close-explanation'));
    assert.equal(closed, 2);
  });

  it('comes into sight at its top and takes focus on arrival, and again when another file is explained', async () => {
    const scrolls: { block?: ScrollLogicalPosition }[] = [];
    const original = HTMLElement.prototype.scrollIntoView;
    HTMLElement.prototype.scrollIntoView = function (this: HTMLElement, options?: boolean | ScrollIntoViewOptions) {
      if (this.dataset.testid === 'explanation-card') scrolls.push(typeof options === 'object' ? options : {});
    };
    try {
      const { rerender } = await renderUi(<ExplanationCard explanation={explanation} onClose={() => undefined} />);
      const card = screen.getByTestId('explanation-card');
      assert.deepEqual(scrolls, [{ block: 'start' }]);
      assert.equal(document.activeElement, card);
      screen.getByTestId('close-explanation').focus();
      rerender(<ExplanationCard explanation={explanation} onClose={() => undefined} />);
      assert.equal(scrolls.length, 1, 'the same explanation again (a re-render) does not move the view');
      rerender(<ExplanationCard explanation={{ ...explanation, path: 'backend/src/db/schema.ts' }} onClose={() => undefined} />);
      assert.deepEqual(scrolls, [{ block: 'start' }, { block: 'start' }]);
      assert.equal(document.activeElement, screen.getByTestId('explanation-card'), 'focus comes back to the card for the new file');
    } finally {
      if (original) HTMLElement.prototype.scrollIntoView = original;
      else delete (HTMLElement.prototype as Partial<HTMLElement>).scrollIntoView;
    }
  });
});
