/**
 * The notices area: messages from the store (bad link fields, copy results,
 * worker trouble, what a surface change kept and changed) in a polite live
 * region, each dismissable; a surface change's notice offers its undo while
 * nothing else has changed since.
 */
import { useAppStore } from '../../state/app.ts';
import { CloseIcon } from '../widgets/icons.tsx';

export function Notices() {
  const notices = useAppStore((state) => state.notices);
  const workerMessage = useAppStore((state) => state.workerMessage);
  const workerStatus = useAppStore((state) => state.workerStatus);
  const dismissNotice = useAppStore((state) => state.dismissNotice);
  const undoable = useAppStore((state) => (state.surfaceUndo !== null && state.surfaceUndo.after === state.setup ? state.surfaceUndo.noticeId : null));
  const undoSurfaceChange = useAppStore((state) => state.undoSurfaceChange);

  return (
    <div className="notices" aria-live="polite" aria-relevant="additions text">
      {workerMessage ? (
        <div className={`notice notice-${workerStatus === 'failed' ? 'error' : 'warning'}`}>
          <p>{workerMessage}</p>
        </div>
      ) : null}
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.kind}`}>
          <p>{notice.text}</p>
          {notice.id === undoable ? (
            <button type="button" className="button notice-undo" onClick={undoSurfaceChange}>
              Undo
            </button>
          ) : null}
          <button type="button" className="notice-dismiss" onClick={() => dismissNotice(notice.id)} aria-label="Dismiss notice">
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
