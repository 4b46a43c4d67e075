import { VscodeSingleSelect } from '@vscode-elements/react-elements';
import { type ComponentRef, type ReactNode, useEffect, useRef } from 'react';

/** vscode-single-select's option height and how many options its list shows before it scrolls. */
const OPTION_HEIGHT = 22;
const VISIBLE_OPTIONS = 10;
/** The list's border and padding. */
const LIST_CHROME = 8;

/**
 * Where a select's list fits: below it, unless the viewport has no room for it there and more room
 * above (vscode-single-select always opens below, so near the bottom of the panel its list was cut off).
 */
export function dropdownPosition(select: { top: number; bottom: number }, viewportHeight: number, options: number): 'below' | 'above' {
  const needed = Math.min(options, VISIBLE_OPTIONS) * OPTION_HEIGHT + LIST_CHROME;
  const below = viewportHeight - select.bottom;
  return below >= needed || below >= select.top ? 'below' : 'above';
}

/**
 * A vscode-single-select whose list opens where it fits in the webview (see dropdownPosition): each
 * time it opens, before the list is painted, it is placed below or above.
 */
export function FittingSelect(props: {
  value: string;
  onChange: (event: Event) => void;
  children: ReactNode;
  id?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}) {
  const ref = useRef<ComponentRef<typeof VscodeSingleSelect>>(null);
  useEffect(() => {
    const select = ref.current;
    if (!select) return;
    // `open` is reflected as an attribute when the list opens; the observer runs before the next paint.
    const observer = new MutationObserver(() => {
      if (!select.hasAttribute('open')) return;
      const viewport = document.documentElement.clientHeight || window.innerHeight;
      select.setAttribute('position', dropdownPosition(select.getBoundingClientRect(), viewport, select.querySelectorAll('vscode-option').length));
    });
    observer.observe(select, { attributes: true, attributeFilter: ['open'] });
    return () => observer.disconnect();
  }, []);
  return <VscodeSingleSelect {...props} ref={ref} />;
}
