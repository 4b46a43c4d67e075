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
});
