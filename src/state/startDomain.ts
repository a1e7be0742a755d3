/**
 * Starts and the plots they must lie in. Each pane's runs start inside that
 * pane's plot: a start outside it is moved to the nearest point inside (the
 * engine is given that point, the pin is drawn there, and the start controls say
 * so). With several panes on different surfaces the one shared start may lie
 * outside some of them; each such pane clamps it for itself, so its runs are
 * still seen, rather than starting off the plot. Domains are read without the
 * expression parser (a typed function carries its own).
 */
import { makeBowl, surfaces, type Domain } from '../core/index.ts';
import type { Setup } from './setup.ts';

type Start = readonly [number, number];

/** The plot of the surface in `pane`, or null when unknown. */
export function paneDomain(setup: Pick<Setup, 'panes' | 'bowlCondition' | 'custom'>, pane: number): Domain | null {
  const id = (setup.panes[pane] ?? setup.panes[0])?.surface;
  if (id === 'custom') return setup.custom?.domain ?? null;
  if (id === 'bowl') return makeBowl(setup.bowlCondition).domain;
  return id !== undefined && Object.hasOwn(surfaces, id) ? surfaces[id].domain : null;
}

/** The nearest point of `domain` to `point` (itself when inside). */
export function clampIntoDomain(point: Start, domain: Domain): [number, number] {
  return [Math.min(domain.x[1], Math.max(domain.x[0], point[0])), Math.min(domain.y[1], Math.max(domain.y[0], point[1]))];
}

/** The smallest box holding every pane's plot (null when none is known): where the shared start may be set. */
export function startBox(setup: Pick<Setup, 'panes' | 'bowlCondition' | 'custom'>): Domain | null {
  const domains = setup.panes.map((_, pane) => paneDomain(setup, pane)).filter((domain): domain is Domain => domain !== null);
  if (domains.length === 0) return null;
  return {
    x: [Math.min(...domains.map((d) => d.x[0])), Math.max(...domains.map((d) => d.x[1]))],
    y: [Math.min(...domains.map((d) => d.y[0])), Math.max(...domains.map((d) => d.y[1]))],
  };
}

/** Where runs of `pane` starting at `start` actually start: inside that pane's plot. */
export function paneStart(setup: Pick<Setup, 'panes' | 'bowlCondition' | 'custom'>, pane: number, start: Start): Start {
  const domain = paneDomain(setup, pane);
  if (!domain) return start;
  const inside = clampIntoDomain(start, domain);
  return inside[0] === start[0] && inside[1] === start[1] ? start : inside;
}

/** The panes whose plot does not hold the shared start, each with where its runs start instead. */
export function panesMovingTheStart(setup: Setup): { pane: number; start: [number, number] }[] {
  return setup.panes.flatMap((_, pane) => {
    const moved = paneStart(setup, pane, setup.start);
    return moved === setup.start ? [] : [{ pane, start: [moved[0], moved[1]] as [number, number] }];
  });
}
