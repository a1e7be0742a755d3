/**
 * The notices area: messages from the store (bad link fields, copy results,
 * worker trouble) in a polite live region, each dismissable.
 */
import { useAppStore } from '../../state/app.ts';
import { CloseIcon } from '../widgets/icons.tsx';

export function Notices() {
  const notices = useAppStore((state) => state.notices);
  const workerMessage = useAppStore((state) => state.workerMessage);
  const workerStatus = useAppStore((state) => state.workerStatus);
  const dismissNotice = useAppStore((state) => state.dismissNotice);

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
          <button type="button" className="notice-dismiss" onClick={() => dismissNotice(notice.id)} aria-label="Dismiss notice">
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
