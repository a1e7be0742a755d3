/**
 * The surface record each pane shows (null for a typed-in function until the lazily
 * loaded parser has arrived; asking starts the load), for what describes runs on
 * their own surface: the legend's statuses, the chart's L*.
 */
import { useMemo } from 'react';
import type { Surface } from '../../core/index.ts';
import { useExpressionParser } from '../../state/customSurface.ts';
import type { Setup } from '../../state/setup.ts';
import { surfaceById } from '../../state/surfaceOf.ts';

export function usePaneSurfaces(setup: Pick<Setup, 'panes' | 'bowlCondition' | 'custom'>): (Surface | null)[] {
  const parser = useExpressionParser(setup.custom !== null && setup.panes.some((pane) => pane.surface === 'custom'));
  const { panes, bowlCondition, custom } = setup;
  return useMemo(
    // The parser is read by surfaceById through the cache; listing it re-runs this once it arrives.
    () => panes.map(({ surface }) => (surface === 'custom' && parser === null ? null : surfaceById(surface, { bowlCondition, custom }))),
    [panes, bowlCondition, custom, parser],
  );
}
