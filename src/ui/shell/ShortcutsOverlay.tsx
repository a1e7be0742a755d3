/**
 * The keyboard shortcut list ("?"): a modal dialog, closed by Escape, by its
 * button, or by clicking outside it. Its content is in the DOM only while it is
 * open (every page carried 42 hidden nodes of it from the first render).
 */
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './useShortcuts.ts';
import { useAppStore } from '../../state/app.ts';

export function ShortcutsOverlay() {
  const open = useAppStore((state) => state.shortcutsOpen);
  const setOpen = useAppStore((state) => state.setShortcutsOpen);
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      className="modal-dialog shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onClose={() => setOpen(false)}
      onClick={(event) => {
        if (event.target === event.currentTarget) setOpen(false);
      }}
    >
      {open && (
        <>
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <p className="muted">They work whenever a text field, menu or slider does not have the focus.</p>
          <table>
            <tbody>
              {SHORTCUTS.map((shortcut) => (
                <tr key={shortcut.keys}>
                  <th scope="row">
                    <kbd>{shortcut.keys}</kbd>
                  </th>
                  <td>{shortcut.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="button" onClick={() => setOpen(false)} autoFocus>
            Close
          </button>
        </>
      )}
    </dialog>
  );
}
