// The first-use walkthrough (#17 item 10) is all package.json and media files: nothing checks them
// at build time, and VS Code shows a missing file or a dead command link without a word. These do.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLES, exampleById } from '../../src/model/examples';

const root = path.resolve(__dirname, '..', '..', '..');

interface Media {
  markdown?: string;
  image?: string;
  svg?: string;
  altText?: string;
}
interface Step {
  id: string;
  title: string;
  description: string;
  media: Media;
  completionEvents?: string[];
}
interface Manifest {
  publisher: string;
  name: string;
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    walkthroughs?: { id: string; title: string; description: string; steps: Step[] }[];
  };
}

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
const views = new Set(Object.values(manifest.contributes.views).flatMap((list) => list.map((view) => view.id)));
const walkthroughs = manifest.contributes.walkthroughs ?? [];
const steps = walkthroughs.flatMap((walkthrough) => walkthrough.steps);

/** Every `command:` link of a description or a markdown file: the command and its JSON arguments. */
function commandLinks(markdown: string): { command: string; args: unknown[] }[] {
  return [...markdown.matchAll(/\]\(command:([\w.-]+)(?:\?([^)\s]+))?\)/g)].map(([, command, query]) => ({
    command: command ?? '',
    args: query ? (JSON.parse(decodeURIComponent(query)) as unknown[]) : [],
  }));
}

/** The one media file of a step (VS Code shows one: markdown, an image or an svg). */
function mediaFile(step: Step): string {
  const files = [step.media.markdown, step.media.image, step.media.svg].filter((file): file is string => Boolean(file));
  assert.equal(files.length, 1, `step ${step.id}: one of media.markdown, media.image, media.svg`);
  return files[0] ?? '';
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Context keys the extension sets (`setContext` with a constant or a literal holding the key). */
const contextKeysSet = (() => {
  const sources = sourceFiles(path.join(root, 'src')).map((file) => readFileSync(file, 'utf8')).filter((text) => text.includes("'setContext'"));
  return (key: string) => sources.some((text) => text.includes(`'${key}'`));
})();

describe('package.json: the first-use walkthrough', () => {
  it('walks through describe, review, generate, explore and ask/change', () => {
    assert.equal(walkthroughs.length, 1);
    assert.deepEqual(
      steps.map((step) => step.id),
      ['describe', 'review', 'generate', 'explore', 'askChange'],
    );
    for (const step of steps) assert.ok(step.title && step.description, `step ${step.id} has a title and a description`);
  });

  it('"Takoss: Get Started" opens this walkthrough (its id is <publisher>.<name>#<walkthrough>)', () => {
    // src/vscode/commands/walkthrough.ts imports vscode, so it is read, not loaded.
    const command = readFileSync(path.join(root, 'src', 'vscode', 'commands', 'walkthrough.ts'), 'utf8');
    assert.ok(contributed.has('takoss.openWalkthrough'));
    assert.match(command, new RegExp(`WALKTHROUGH_ID = '${manifest.publisher}\\.${manifest.name}#${walkthroughs[0]?.id}'`));
  });

  it('every step has a markdown page that exists, and every image it shows exists', () => {
    for (const step of steps) {
      const file = mediaFile(step);
      assert.match(file, /^media\/walkthrough\/[\w-]+\.md$/, `step ${step.id}: a markdown page under media/walkthrough`);
      assert.ok(existsSync(path.join(root, file)), `${file} exists`);
      const images = [...readFileSync(path.join(root, file), 'utf8').matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)];
      assert.ok(images.length > 0, `${file} shows an image`);
      for (const [, alt, src] of images) {
        assert.ok(alt?.trim(), `${file}: the image ${src} has alt text`);
        assert.ok(existsSync(path.join(root, path.dirname(file), src ?? '')), `${file}: ${src} exists`);
      }
    }
  });

  it('every command link, in a description or a page, names a contributed command', () => {
    const pages = steps.map((step) => readFileSync(path.join(root, mediaFile(step)), 'utf8'));
    const links = [...steps.map((step) => step.description), ...pages].flatMap(commandLinks);
    assert.ok(links.length >= 5, `${links.length} command links`);
    for (const link of links) assert.ok(contributed.has(link.command), `${link.command} is a contributed command`);
  });

  it('every sample is one click away, and every sample link names a real example', () => {
    const samples = steps.flatMap((step) => commandLinks(step.description)).filter((link) => link.command === 'takoss.generateFromExample');
    for (const { args } of samples) assert.ok(args.length === 1 && typeof args[0] === 'string' && exampleById(args[0]), `example ${JSON.stringify(args)}`);
    assert.deepEqual(samples.map(({ args }) => args[0]).sort(), EXAMPLES.map((example) => example.id).sort());
  });

  it('completion events name contributed commands, contributed views and context keys the extension sets', () => {
    for (const step of steps) {
      assert.ok(step.completionEvents?.length, `step ${step.id} says when it is done`);
      for (const event of step.completionEvents ?? []) {
        const [kind, name = ''] = event.split(/:(.*)/s);
        if (kind === 'onCommand') assert.ok(contributed.has(name), `${step.id}: ${event} names a contributed command`);
        else if (kind === 'onView') assert.ok(views.has(name), `${step.id}: ${event} names a contributed view`);
        else if (kind === 'onContext') assert.ok(contextKeysSet(name), `${step.id}: ${event} names a context key the extension sets`);
        else assert.equal(event, 'stepSelected', `${step.id}: ${event} is a known completion event`);
      }
    }
  });
});
