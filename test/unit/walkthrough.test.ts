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

/** A <rect>'s box and fill, from its attributes. */
function svgBox(attributes: string): { x: number; y: number; width: number; height: number; fill: string } {
  const number = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)"`).exec(attributes)?.[1] ?? 0);
  return { x: number('x'), y: number('y'), width: number('width'), height: number('height'), fill: /\bfill="([^"]*)"/.exec(attributes)?.[1] ?? 'none' };
}

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(one: string, other: string): number {
  const luminance = (hex: string) => {
    const [r = 0, g = 0, b = 0] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(one), luminance(other)].sort((a, b) => b - a);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
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

  it('every picture reads in light, dark and high-contrast themes: it paints its own opaque panel, and all its text stands out (4.5:1) on whatever it lies on', () => {
    const pictures = steps.flatMap((step) => [...readFileSync(path.join(root, mediaFile(step)), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+\.svg)\)/g)].map(([, src]) => path.join(root, path.dirname(mediaFile(step)), src ?? '')));
    assert.equal(pictures.length, steps.length);
    for (const picture of pictures) {
      const svg = readFileSync(picture, 'utf8');
      const name = path.basename(picture);
      const [width, height] = (/viewBox="0 0 (\d+) (\d+)"/.exec(svg) ?? []).slice(1).map(Number);
      const rects = [...svg.matchAll(/<rect\b([^>]*)>/g)].map(([, attributes]) => svgBox(attributes ?? ''));
      const panel = rects[0];
      assert.ok(panel && panel.x <= 1 && panel.y <= 1 && panel.x + panel.width >= (width ?? 0) - 1 && panel.y + panel.height >= (height ?? 0) - 1, `${name}: the first shape covers the picture`);
      assert.match(panel.fill, /^#[0-9a-f]{6}$/i, `${name}: its panel is opaque (the page behind it is black, white or anything)`);
      for (const [, attributes, text] of svg.matchAll(/<text\b([^>]*)>([^<]*)</g)) {
        const x = Number(/\bx="([\d.]+)"/.exec(attributes ?? '')?.[1]);
        const y = Number(/\by="([\d.]+)"/.exec(attributes ?? '')?.[1]);
        const fill = /\bfill="([^"]*)"/.exec(attributes ?? '')?.[1] ?? '';
        assert.match(fill, /^#[0-9a-f]{6}$/i, `${name}: "${text}" has an opaque colour`);
        const under = rects.filter((rect) => rect.fill !== 'none' && x >= rect.x && x <= rect.x + rect.width && y >= rect.y && y <= rect.y + rect.height);
        for (const rect of under) assert.ok(contrast(fill, rect.fill) >= 4.5, `${name}: "${text}" (${fill}) on ${rect.fill}: ${contrast(fill, rect.fill).toFixed(2)}:1`);
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
