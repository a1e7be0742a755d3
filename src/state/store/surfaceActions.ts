/**
 * The setup slice's surface actions: showing a surface or the person's own
 * function in a pane while keeping the teacher's settings (surfaceChange.ts
 * decides what must change), a notice naming what changed, and its undo.
 */
import * as v from 'valibot';
import { conform, isKnownSurface } from '../repair.ts';
import { CustomSurfaceSchema, type Setup } from '../setup.ts';
import { carrySettings, surfaceChangeNotice } from '../surfaceChange.ts';
import { surfaceById } from '../surfaceOf.ts';
import type { AppState } from './store.ts';
import type { SetupSlice } from './setupSlice.ts';

const MaybeCustomSurface = v.nullable(CustomSurfaceSchema);

type SurfaceActions = Pick<SetupSlice, 'setSurface' | 'setCustomSurface' | 'surfaceUndo' | 'undoSurfaceChange'>;

export function createSurfaceActions(set: (partial: Partial<AppState>) => void, get: () => AppState): SurfaceActions {
  /** Set `after` and say so in a notice with an undo to `before` (replacing the last one's). */
  const announce = (before: Setup, after: Setup, text: string): void => {
    const previous = get().surfaceUndo;
    if (previous) get().dismissNotice(previous.noticeId);
    set({ setup: after });
    const noticeId = get().pushNotice('info', text);
    set({ surfaceUndo: { noticeId, before, after } });
  };
  return {
    setSurface(surfaceId, pane = 0, carry = true) {
      const before = get().setup;
      if (pane < 0 || pane >= before.panes.length || !isKnownSurface(surfaceId, before.custom)) return;
      if (before.panes[pane].surface === surfaceId) return;
      const panes = before.panes.map((config, index) => (index === pane ? { surface: surfaceId } : config));
      const changed = { ...before, panes };
      const surface = carry ? surfaceById(surfaceId, before) : null;
      if (!surface) {
        set({ setup: changed });
        return;
      }
      const carried = carrySettings(changed, new Set([pane]), surface);
      announce(before, carried.setup, surfaceChangeNotice(surface.label, new Set([pane]), panes.length, carried.changes));
    },

    setCustomSurface(custom, pane) {
      const before = get().setup;
      if (pane !== undefined && (pane < 0 || pane >= before.panes.length)) return;
      const next = conform(MaybeCustomSurface, custom, null);
      if (next === null) return;
      const panes = before.panes.map((config, index) => (index === pane ? { surface: 'custom' } : config));
      const changed: Setup = { ...before, custom: next, panes };
      // Null while the parser has not loaded (callers load it first): then only the text changes.
      const surface = surfaceById('custom', changed);
      if (!surface) {
        set({ setup: changed });
        return;
      }
      const showing = new Set(panes.flatMap((config, index) => (config.surface === 'custom' ? [index] : [])));
      const carried = carrySettings(changed, showing, surface);
      if (pane === undefined && carried.changes.length === 0) set({ setup: carried.setup });
      else announce(before, carried.setup, surfaceChangeNotice('your function', showing, panes.length, carried.changes));
    },

    surfaceUndo: null,

    undoSurfaceChange() {
      const undo = get().surfaceUndo;
      if (!undo) return;
      if (get().setup === undo.after) set({ setup: undo.before });
      set({ surfaceUndo: null });
      get().dismissNotice(undo.noticeId);
    },
  };
}
