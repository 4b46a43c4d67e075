import { VscodeSingleSelect } from '@vscode-elements/react-elements';
import { Children, type ComponentRef, isValidElement, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';

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

/** How far outside the view a select is made real, so it is ready before it scrolls into sight. */
const MOUNT_MARGIN = '600px';

/**
 * Whether selects out of sight wait as light stand-ins (SelectStandIn). Each vscode-single-select
 * measures the page as it renders (its closed list's position, its option labels' innerText, its
 * list's scrollbar): a review of 40 records has some 280 of them, and drawing them all at once
 * cost seconds of layout. Where the page cannot tell what is in sight (no IntersectionObserver),
 * every select is real at once.
 */
function deferSelects(): boolean {
  return typeof IntersectionObserver === 'function';
}

/**
 * A vscode-single-select whose list opens where it fits in the webview (see dropdownPosition): each
 * time it opens, before the list is painted, it is placed below or above. Out of sight it is a
 * stand-in showing its value (see deferSelects), made real as it comes near the view or gets focus.
 */
export function FittingSelect(props: {
  value: string;
  onChange: (event: Event) => void;
  children: ReactNode;
  id?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}) {
  const [real, setReal] = useState(() => !deferSelects());
  /** What the stand-in was doing when it was made real: the real select takes the focus over, or opens as clicked. */
  const handOver = useRef<HandOver>('none');
  const makeReal = useCallback((why: HandOver) => {
    if (why !== 'none') handOver.current = why;
    setReal(true);
  }, []);
  if (!real) return <SelectStandIn {...props} onWanted={makeReal} />;
  return <PlacedSelect {...props} handOver={handOver} />;
}

type HandOver = 'none' | 'focus' | 'open';

function PlacedSelect(props: Parameters<typeof FittingSelect>[0] & { handOver: { current: HandOver } }) {
  const { handOver, ...selectProps } = props;
  const ref = useRef<ComponentRef<typeof VscodeSingleSelect>>(null);
  useEffect(() => {
    const select = ref.current;
    if (!select) return;
    const why = handOver.current;
    handOver.current = 'none';
    if (why !== 'none') {
      // Its focusable face is in its shadow DOM, drawn on its first update; its list opens only after that.
      void (select as unknown as { updateComplete?: Promise<unknown> }).updateComplete?.then(() => {
        select.focus();
        if (why === 'open') select.open = true;
      });
    }
    // `open` is reflected as an attribute when the list opens; the observer runs before the next paint.
    const observer = new MutationObserver(() => {
      if (!select.hasAttribute('open')) return;
      const viewport = document.documentElement.clientHeight || window.innerHeight;
      select.setAttribute('position', dropdownPosition(select.getBoundingClientRect(), viewport, select.querySelectorAll('vscode-option').length));
    });
    observer.observe(select, { attributes: true, attributeFilter: ['open'] });
    return () => observer.disconnect();
  }, [handOver]);
  return <VscodeSingleSelect {...selectProps} ref={ref} />;
}

/** A select out of sight: its value's label in a box of the select's size; asks to be made real near the view, on focus, or on a click (then it opens). */
function SelectStandIn(props: Parameters<typeof FittingSelect>[0] & { onWanted: (why: HandOver) => void }) {
  const { onWanted } = props;
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const standIn = ref.current;
    if (!standIn) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && onWanted('none'), { rootMargin: MOUNT_MARGIN });
    observer.observe(standIn);
    return () => observer.disconnect();
  }, [onWanted]);
  return (
    <button
      ref={ref}
      type="button"
      id={props.id}
      className="select-stand-in"
      aria-haspopup="listbox"
      aria-label={props['aria-label']}
      data-testid={props['data-testid']}
      // Its value reads like the select's (`.value`), for whatever reads it before it is made real.
      value={props.value}
      data-stand-in=""
      onFocus={() => onWanted('focus')}
      // (On mouse down, before the focus it would give: made real on focus, it would be gone before its click.)
      onMouseDown={(event) => {
        event.preventDefault();
        onWanted('open');
      }}
    >
      <span className="text">{labelOf(props.children, props.value)}</span>
    </button>
  );
}

/** The label of the option whose value is `value` (its text), or the value itself. */
export function labelOf(children: ReactNode, value: string): string {
  let label = value;
  Children.forEach(children, (child) => {
    if (isValidElement<{ value?: string; children?: ReactNode }>(child) && child.props.value === value) label = textOf(child.props.children);
  });
  return label;
}

function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}
