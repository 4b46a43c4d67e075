import { useEffect, useState } from 'react';

/** At or below this width (CSS px) the panel reflows to one column, like the "narrow panel" block of styles.css. */
export const NARROW_PANEL_PX = 600;

/**
 * Below this width a stage's details go under the graph: beside it (280 px plus gaps and the panel's
 * padding) they would leave the graph less than about 60% of the row.
 */
export const DETAILS_BESIDE_MIN_PX = 800;

/** How the execution tree arranges itself in a panel this wide. */
export function treeLayoutFor(panelWidth: number): { details: 'beside' | 'below'; minimap: boolean } {
  return { details: panelWidth < DETAILS_BESIDE_MIN_PX ? 'below' : 'beside', minimap: panelWidth > NARROW_PANEL_PX };
}

/** The webview's width, following the panel as the user resizes or splits the editor. */
export function usePanelWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}
