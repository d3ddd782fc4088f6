/**
 * A tiny element builder. Views build the DOM with it rather than with HTML strings, so no
 * markup is ever parsed from data, and it refuses inline styles: the Content-Security-Policy
 * allows none, and state is shown with classes and attributes that the CSS files style.
 */

export type Child = Node | string | number | null | undefined | false;

type Listener = (event: never) => void;
export type Props = Record<string, string | number | boolean | null | undefined | Listener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  applyProps(element, props);
  append(element, ...children);
  return element;
}

export function applyProps(element: Element, props: Props): void {
  for (const [name, value] of Object.entries(props)) {
    if (name === 'style') throw new Error('Inline styles are not allowed; use a class');
    if (typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(name, String(value));
    }
  }
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** Sets an attribute, or removes it for null/undefined/false. */
export function setAttr(
  element: Element,
  name: string,
  value: string | boolean | null | undefined,
) {
  if (value === null || value === undefined || value === false) element.removeAttribute(name);
  else element.setAttribute(name, value === true ? '' : value);
}

let nextId = 0;

/** A document-unique id, for label/aria-describedby pairs. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
