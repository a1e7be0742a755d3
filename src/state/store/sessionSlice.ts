/**
 * The session slice: what is not part of a shared link (selection, playback
 * controls, notices, worker status). Playback position itself lives in the
 * Playhead, outside the store; these actions move its anchors and flip the
 * human-speed `playing` flag.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { EngineStatus } from '../../worker/client.ts';
import type { Playhead } from '../playhead.ts';
import type { AppState } from './store.ts';

/** Notices kept on screen at once; older ones drop off. */
export const MAX_NOTICES = 5;

export type NoticeKind = 'info' | 'warning' | 'error';

export interface Notice {
  readonly id: number;
  readonly kind: NoticeKind;
  /** Plain words, e.g. "The link's learning rate for run 2 was not a number; used 0.01 instead." */
  readonly text: string;
}

export interface SessionSlice {
  readonly selectedRunId: string | null;
  /** True while animate-mode playback runs. */
  readonly playing: boolean;
  readonly notices: readonly Notice[];
  /** The engine client's status, as it last reported it. */
  readonly workerStatus: EngineStatus;
  /** Last worker problem in plain words, null when healthy. */
  readonly workerMessage: string | null;
  /** Bumped by the client after each finished generation, so slow UI (legend) can refresh at human speed. */
  readonly resultsVersion: number;
  selectRun(runId: string | null): void;
  /** Animate mode controls; the position itself advances with time in playhead.ts. */
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** Advance one step (pauses). */
  stepOnce(): void;
  /** Back to step 0 (pauses). */
  resetPlayback(): void;
  pushNotice(kind: NoticeKind, text: string): number;
  dismissNotice(id: number): void;
}

export interface SessionDeps {
  readonly playhead: Playhead;
  /** Called after every playback action so the store can arrange the lazy stop at the end. */
  readonly afterPlayback: () => void;
}

export function createSessionSlice(deps: SessionDeps): StateCreator<AppState, [], [], SessionSlice> {
  const { playhead, afterPlayback } = deps;
  let nextNoticeId = 1;

  return (set, get) => {
    const syncPlaying = (): void => {
      if (get().playing !== playhead.playing) set({ playing: playhead.playing });
      afterPlayback();
    };

    return {
      selectedRunId: null,
      playing: false,
      notices: [],
      workerStatus: 'starting',
      workerMessage: null,
      resultsVersion: 0,

      selectRun(runId) {
        if (runId !== null && !get().setup.runs.some((run) => run.id === runId)) return;
        if (get().selectedRunId !== runId) set({ selectedRunId: runId });
      },

      play() {
        // Play from instant mode means "show me it move": switch to animate (which starts from step 0).
        if (get().setup.playback.mode !== 'animate') get().setPlaybackMode('animate');
        playhead.play();
        syncPlaying();
      },

      pause() {
        playhead.pause();
        syncPlaying();
      },

      togglePlay() {
        if (get().playing && !playhead.finished()) get().pause();
        else get().play();
      },

      stepOnce() {
        if (get().setup.playback.mode !== 'animate') get().setPlaybackMode('animate');
        playhead.stepOnce();
        syncPlaying();
      },

      resetPlayback() {
        playhead.reset();
        syncPlaying();
      },

      pushNotice(kind, text) {
        const existing = get().notices.find((notice) => notice.text === text && notice.kind === kind);
        if (existing) return existing.id;
        const notice: Notice = { id: nextNoticeId++, kind, text };
        set({ notices: [...get().notices, notice].slice(-MAX_NOTICES) });
        return notice.id;
      },

      dismissNotice(id) {
        const notices = get().notices.filter((notice) => notice.id !== id);
        if (notices.length !== get().notices.length) set({ notices });
      },
    };
  };
}
