/**
 * An error boundary that hands what it caught to its owner and renders nothing after:
 * the pane's 3D view uses one around its canvas (the owner then shows the 2D map or a
 * message) and one inside the canvas's own React root (which passes the error out).
 */
import { Component, type ReactNode } from 'react';

export class ErrorCatcher extends Component<{ onError: (error: unknown) => void; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}
