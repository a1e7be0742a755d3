/**
 * Around a lazily loaded part (a chunk fetched on first use): if the chunk cannot
 * be loaded (offline, or a new deploy replaced it), show `fallback` in its place
 * instead of taking the whole page down.
 */
import { Component, type ReactNode } from 'react';

export class LoadBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
