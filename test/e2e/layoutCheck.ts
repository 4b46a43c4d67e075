/// <reference lib="dom" />
// Layout checks run inside a webview's document, the things a user sees as broken in a screenshot:
// text cut off, the page scrolling sideways, controls sticking out of the view or lying on top of
// each other, text the colour of its background. The callback runs in the browser, so it is one
// self-contained function (Playwright serialises it; no imports or outer helpers inside).
import type { Frame } from 'playwright-core';

export interface LayoutCheckOptions {
  /** Elements (CSS selectors) whose own contents may overflow on purpose, e.g. a pannable graph. */
  ignoreInside?: string[];
  /** Containers the user pans or scrolls (a graph): controls inside may lie outside the view. */
  pannable?: string[];
}

/** One line per problem, naming the element by its test id (or tag and text) and the measure. */
export async function layoutProblems(frame: Frame, options: LayoutCheckOptions = {}): Promise<string[]> {
  return frame.evaluate(findProblems, { ignoreInside: options.ignoreInside ?? [], pannable: options.pannable ?? [] });
}

function findProblems({ ignoreInside, pannable }: { ignoreInside: string[]; pannable: string[] }): string[] {
  const problems: string[] = [];
  const viewWidth = document.documentElement.clientWidth;
  const interactive = 'button, a[href], input, textarea, select, [role=button], [role=tab], vscode-button, vscode-textfield, vscode-textarea, vscode-single-select, vscode-checkbox, vscode-radio, vscode-tab-header';
  const ignored = (el: Element) => ignoreInside.some((selector) => el.closest(selector));
  const name = (el: Element) => {
    const id = el.closest('[data-testid]')?.getAttribute('data-testid');
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${text ? ` "${text}"` : ''}`;
  };
  const visible = (el: Element) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
  };
  // Elements inside open shadow roots count too (vscode-elements draw their labels there).
  const all: Element[] = [];
  const collect = (root: Document | ShadowRoot) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      all.push(el);
      if (el.shadowRoot) collect(el.shadowRoot);
    }
  };
  collect(document);

  const sideways = document.documentElement.scrollWidth - viewWidth;
  if (sideways > 1) problems.push(`the page scrolls sideways by ${sideways} px (width ${viewWidth} px)`);

  for (const el of all) {
    if (!(el instanceof HTMLElement) || ignored(el) || !visible(el)) continue;
    const style = getComputedStyle(el);
    const clips = style.textOverflow === 'ellipsis' || style.overflowX === 'hidden' || style.overflowX === 'clip';
    const hasText = Array.from(el.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim());
    // A 1 px box is a label kept for screen readers only (visually hidden on purpose).
    if (clips && hasText && el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`text cut off: ${name(el)} (${el.scrollWidth} px in ${el.clientWidth} px)`);
    }
  }

  // The part of a box the user can see: clipped by every ancestor that scrolls or clips (a file
  // tree scrolled inside its box does not lie on the buttons around it).
  const seen = (el: Element) => {
    let box = el.getBoundingClientRect();
    for (let node = el.parentElement; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const clip = node.getBoundingClientRect();
      const left = Math.max(box.left, clip.left);
      const top = Math.max(box.top, clip.top);
      box = new DOMRect(left, top, Math.max(0, Math.min(box.right, clip.right) - left), Math.max(0, Math.min(box.bottom, clip.bottom) - top));
    }
    return box;
  };
  // Like contains(), across shadow roots: a vscode-textfield encloses the input it draws.
  const encloses = (outer: Element, inner: Element) => {
    for (let node: Node | null = inner; node; node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null)) {
      if (node === outer) return true;
    }
    return false;
  };
  const controls = all.filter((el) => el.matches(interactive) && !ignored(el) && visible(el) && !el.closest('[inert], [aria-hidden=true]'));
  for (const el of controls) {
    if (pannable.some((selector) => el.closest(selector))) continue;
    const box = seen(el);
    if (!box.width || !box.height) continue; // scrolled out of its container's view
    if (box.right > viewWidth + 1 || box.left < -1) problems.push(`outside the view: ${name(el)} (${Math.round(box.left)}..${Math.round(box.right)} of ${viewWidth} px)`);
  }
  for (let i = 0; i < controls.length; i += 1) {
    for (let j = i + 1; j < controls.length; j += 1) {
      const [a, b] = [controls[i], controls[j]];
      if (encloses(a, b) || encloses(b, a)) continue;
      const [p, q] = [seen(a), seen(b)];
      const overlapX = Math.min(p.right, q.right) - Math.max(p.left, q.left);
      const overlapY = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
      if (overlapX > 2 && overlapY > 2) problems.push(`overlapping: ${name(a)} and ${name(b)}`);
    }
  }

  const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r, g, b]: number[]) => {
    const channel = (v: number) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (el: Element): number[] | undefined => {
    for (let node: Element | null = el; node; node = node.parentElement) {
      const value = rgb(getComputedStyle(node).backgroundColor);
      if (value.length === 3 || (value.length === 4 && value[3] > 0.9)) return value.slice(0, 3);
      if (value.length === 4 && value[3] > 0) return undefined; // translucent: can't tell
    }
    return undefined; // transparent to the top: the workbench behind decides (sidebar views)
  };
  for (const el of all) {
    if (!(el instanceof HTMLElement) || ignored(el) || !visible(el)) continue;
    const hasText = Array.from(el.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim());
    if (!hasText) continue;
    const fg = rgb(getComputedStyle(el).color).slice(0, 3);
    const bg = background(el);
    if (!bg || fg.length < 3) continue;
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
    const ratio = (hi + 0.05) / (lo + 0.05);
    if (ratio < 2) problems.push(`hard to read: ${name(el)} (contrast ${ratio.toFixed(2)}:1)`);
  }
  return problems;
}
