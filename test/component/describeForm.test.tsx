import * as assert from 'node:assert/strict';
import { DescribeForm } from '../../webview-ui/src/DescribeForm';
import { fireEvent, type LitElementLike, litSettled, pressKey, renderUi, screen, typeInto } from './helpers';

type Draft = { requirements: string; name: string };

/** Renders the form with recording callbacks; the one place that knows its props and button. */
async function renderForm(props: { draft?: Draft; disabled?: boolean } = {}) {
  const submitted: [string, string | undefined][] = [];
  const drafts: Draft[] = [];
  await renderUi(
    <DescribeForm
      onSubmit={(requirements, projectName) => submitted.push([requirements, projectName])}
      hasApiKey={false}
      defaultProvider="offline"
      onSetApiKey={() => undefined}
      disabled={props.disabled ?? false}
      draft={props.draft}
      onDraft={(draft) => drafts.push(draft)}
    />,
  );
  return {
    submitted,
    drafts,
    requirements: screen.getByTestId('requirements') as LitElementLike,
    name: screen.getByTestId('project-name') as LitElementLike,
    submit: async () => {
      fireEvent.click(screen.getByTestId('review-button'));
      await litSettled();
    },
    /** The inline error(s) the form shows, as the user (and a screen reader) gets them. */
    error: () => screen.queryAllByRole('alert').map((alert) => alert.textContent).join(' ') || undefined,
  };
}

describe('DescribeForm', () => {
  it('refuses to submit without requirements and says why', async () => {
    const form = await renderForm();
    await form.submit();
    assert.equal(form.error(), 'Describe the application first.');
    assert.deepEqual(form.submitted, []);

    await typeInto(form.requirements, '   \n  ');
    await form.submit();
    assert.equal(form.error(), 'Describe the application first.', 'whitespace only is still empty');
    assert.deepEqual(form.submitted, []);
  });

  it('refuses a project name that is not lower-case letters, digits and dashes', async () => {
    const form = await renderForm();
    await typeInto(form.requirements, 'Blog with auth and posts.');
    await typeInto(form.name, 'My App');
    await form.submit();
    assert.equal(form.error(), 'Project name: lower-case letters, digits and dashes, starting with a letter.');
    assert.deepEqual(form.submitted, []);
  });

  it('submits the trimmed requirements and the project name, and clears the error', async () => {
    const form = await renderForm();
    await typeInto(form.name, 'My App');
    await form.submit();
    assert.ok(form.error(), 'an error first');

    await typeInto(form.requirements, '  Blog with auth and posts.\n');
    await typeInto(form.name, 'my-blog');
    await form.submit();
    assert.deepEqual(form.submitted, [['Blog with auth and posts.', 'my-blog']]);
    assert.equal(form.error(), undefined);
  });

  it('leaves the project name out when none is given', async () => {
    const form = await renderForm();
    await typeInto(form.requirements, 'Blog with auth and posts.');
    await form.submit();
    assert.deepEqual(form.submitted, [['Blog with auth and posts.', undefined]]);
  });

  it('submits when Enter is pressed in the project name', async () => {
    const form = await renderForm();
    await typeInto(form.requirements, 'Blog with auth and posts.');
    await typeInto(form.name, 'blog');
    await pressKey(form.name, 'Enter');
    assert.ok(form.submitted.length >= 1, 'submitted');
    assert.deepEqual(form.submitted[0], ['Blog with auth and posts.', 'blog']);
  });

  // Fails today: vscode-textfield already submits its form on Enter (form.requestSubmit() through
  // ElementInternals, as in Chromium), and DescribeForm's own onKeyDown on the name field submits a
  // second time, so the host gets two requests. Enable once DescribeForm drops that Enter handler.
  it('submits only once when Enter is pressed in the project name', async () => {
    const form = await renderForm();
    await typeInto(form.requirements, 'Blog with auth and posts.');
    await pressKey(form.name, 'Enter');
    assert.deepEqual(form.submitted, [['Blog with auth and posts.', undefined]]);
  });

  it('fills the requirements from an example', async () => {
    const form = await renderForm();
    fireEvent.click(screen.getByTestId('example-1'));
    await litSettled();
    assert.match(form.requirements.value ?? '', /^A team task manager\. Users sign up and log in\./);
    // What the user sees is the textarea inside the web component.
    assert.equal(form.requirements.shadowRoot?.querySelector('textarea')?.value, form.requirements.value);
    await form.submit();
    assert.equal(form.submitted.length, 1);
    assert.equal(form.submitted[0][0], form.requirements.value);
  });

  it('reports every edit as a draft', async () => {
    const form = await renderForm();
    await typeInto(form.requirements, 'A blog');
    await typeInto(form.name, 'blog');
    fireEvent.click(screen.getByTestId('example-0'));
    await litSettled();
    assert.deepEqual(form.drafts, [
      { requirements: 'A blog', name: '' },
      { requirements: 'A blog', name: 'blog' },
      // An example is a new project: the name typed for the text it replaces does not carry over.
      { requirements: 'Blog with auth and posts.', name: '' },
    ]);
  });

  it('starts from a saved draft', async () => {
    const form = await renderForm({ draft: { requirements: 'Saved text', name: 'saved' } });
    assert.equal(form.requirements.value, 'Saved text');
    assert.equal(form.name.value, 'saved');
    assert.equal(form.requirements.shadowRoot?.querySelector('textarea')?.value, 'Saved text');
    await form.submit();
    assert.deepEqual(form.submitted, [['Saved text', 'saved']]);
  });

  it('disables its button while it cannot submit', async () => {
    await renderForm({ disabled: true });
    const button = screen.getByTestId('review-button') as LitElementLike;
    assert.equal(button.disabled, true);
    assert.ok(button.hasAttribute('disabled'));
  });
});
