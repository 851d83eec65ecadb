import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead once something below has thrown. */
  fallback: ReactNode;
  /** Told once, when the failure is caught. */
  onFailure?: (error: unknown) => void;
  children: ReactNode;
}

/**
 * An error boundary: when a part of the page fails to start (a WebGL context that cannot be
 * made, a lazily loaded chunk that does not arrive), it shows `fallback` in its place and the
 * rest of the page keeps working.
 */
export class FailSafe extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onFailure?.(error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
