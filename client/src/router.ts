import { announce, clearAnnouncements } from './ui/announcer.js';
import { h, replaceChildren } from './ui/dom.js';
import type { Teardown, View, ViewContext } from './views/view.js';

export interface Route {
  path: string;
  /** Loaded on first visit: each view is its own chunk, with its own CSS. */
  load: () => Promise<View>;
}

const APP_NAME = 'Callgate';

/**
 * A small history-API router: one view at a time in `outlet`. Links marked `data-link`
 * navigate without a page load.
 */
export class Router {
  private teardown?: Teardown;
  /** Each navigation gets a number; a slower, older one must not mount over a newer one. */
  private generation = 0;

  constructor(
    private readonly routes: Route[],
    private readonly notFound: () => Promise<View>,
    private readonly outlet: HTMLElement,
  ) {}

  start(): void {
    window.addEventListener('popstate', () => void this.render());
    document.addEventListener('click', (event) => this.interceptLink(event));
    void this.render();
  }

  navigate(path: string, { replace = false } = {}): void {
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    void this.render();
  }

  private async render(): Promise<void> {
    const generation = ++this.generation;
    this.teardown?.();
    this.teardown = undefined;
    const route = this.routes.find((candidate) => candidate.path === location.pathname);
    let view: View;
    try {
      view = await (route ? route.load() : this.notFound());
    } catch {
      if (generation === this.generation) this.showLoadError();
      return;
    }
    if (generation !== this.generation) return;
    clearAnnouncements();
    this.outlet.replaceChildren();
    const context = this.contextFor(generation);
    const teardown = await view.mount(this.outlet, context);
    if (generation !== this.generation) {
      teardown?.();
      return;
    }
    this.teardown = teardown ?? undefined;
    // The first page load starts at the top as usual; after a later navigation focus moves
    // to the new page's heading (unless the view put it somewhere), so keyboard and
    // screen-reader users start there.
    if (generation > 1 && !this.outlet.contains(document.activeElement)) {
      focusHeading(this.outlet);
    }
  }

  private contextFor(generation: number): ViewContext {
    return {
      navigate: (path, options) => {
        if (generation === this.generation) this.navigate(path, options);
      },
      setTitle: (title) => {
        document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
      },
      announce,
    };
  }

  private interceptLink(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a[data-link]');
    if (!(link instanceof HTMLAnchorElement) || link.target) return;
    const url = new URL(link.href);
    if (url.origin !== location.origin) return;
    event.preventDefault();
    this.navigate(url.pathname);
  }

  private showLoadError(): void {
    replaceChildren(
      this.outlet,
      h(
        'section',
        { class: 'card card--narrow' },
        h('h1', { class: 'page-title', tabindex: -1 }, 'This page could not load'),
        h('p', {}, 'Check your connection, then reload the page.'),
      ),
    );
  }
}

/** Moves focus to the page's main heading (after a navigation or a change of step). */
export function focusHeading(container: ParentNode): void {
  const heading = container.querySelector<HTMLElement>('h1');
  if (!heading) return;
  heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: false });
}
