import type { Politeness } from '../ui/announcer.js';

/** What a view may ask of the app around it. */
export interface ViewContext {
  /** Goes to another page of the client (history entry unless `replace`). */
  navigate(path: string, options?: { replace?: boolean }): void;
  /** Sets the document title: "<title> · Callgate". */
  setTitle(title: string): void;
  /** Says something through the page's aria-live regions. */
  announce(message: string, politeness?: Politeness): void;
}

/** Undoes what a view set up outside its own elements: sockets, timers, listeners. */
export type Teardown = () => void;

/**
 * A page of the client. `mount` fills `outlet` (emptied before) and may return a teardown,
 * called before the next view mounts.
 */
export interface View {
  mount(outlet: HTMLElement, context: ViewContext): Teardown | void | Promise<Teardown | void>;
}
