import { h, setAttr, uniqueId } from './dom.js';

export interface Field<T extends HTMLInputElement | HTMLSelectElement> {
  wrapper: HTMLElement;
  control: T;
  showError(message: string | null): void;
}

/** A labelled input whose error, when shown, is tied to it by aria-describedby. */
export function inputField(
  label: string,
  attributes: Record<string, string | boolean>,
  hint?: string,
): Field<HTMLInputElement> {
  const control = h('input', { class: 'input', spellcheck: 'false', ...attributes });
  return labelled(label, control, hint);
}

/** A labelled select of `[value, text]` options. */
export function selectField(
  label: string,
  options: readonly (readonly [string, string])[],
  attributes: Record<string, string | boolean> = {},
): Field<HTMLSelectElement> {
  const control = h(
    'select',
    { class: 'input select', ...attributes },
    ...options.map(([value, text]) => h('option', { value }, text)),
  );
  return labelled(label, control);
}

function labelled<T extends HTMLInputElement | HTMLSelectElement>(
  label: string,
  control: T,
  hint?: string,
): Field<T> {
  const id = uniqueId('field');
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  control.id = id;
  const error = h('p', { id: errorId, class: 'field__error', hidden: true });
  const hintElement = hint ? h('p', { id: hintId, class: 'hint small' }, hint) : null;
  const describedBy = (message: string | null) =>
    [message ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || null;
  setAttr(control, 'aria-describedby', describedBy(null));
  return {
    wrapper: h(
      'div',
      { class: 'field' },
      h('label', { for: id, class: 'field__label' }, label),
      control,
      hintElement,
      error,
    ),
    control,
    showError(message) {
      error.hidden = message === null;
      error.textContent = message ?? '';
      setAttr(control, 'aria-invalid', message ? 'true' : null);
      setAttr(control, 'aria-describedby', describedBy(message));
    },
  };
}

/** A form-level error box (role=alert, so it is read out when it appears). */
export function errorBox() {
  const element = h('div', { class: 'alert alert--danger', role: 'alert', hidden: true });
  return {
    element,
    show(message: string | null) {
      element.hidden = message === null;
      element.replaceChildren(...(message ? [h('p', {}, message)] : []));
    },
  };
}
