import { h, uniqueId } from './dom.js';

export interface ConfirmOptions {
  title: string;
  message: string;
  confirm: string;
  cancel: string;
}

/**
 * Asks before something that cannot be undone, in a modal <dialog> (focus stays inside,
 * Escape cancels). The safe choice has focus first. Resolves true only for `confirm`.
 */
export function confirmDialog(options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const titleId = uniqueId('confirm-title');
    const cancel = h(
      'button',
      { type: 'button', class: 'button', autofocus: true },
      options.cancel,
    );
    const confirm = h(
      'button',
      { type: 'button', class: 'button button--danger' },
      options.confirm,
    );
    const dialog = h(
      'dialog',
      { class: 'dialog', 'aria-labelledby': titleId },
      h('h2', { class: 'section-title', id: titleId }, options.title),
      h('p', {}, options.message),
      h('div', { class: 'actions' }, confirm, cancel),
    );
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    let answer = false;
    confirm.addEventListener('click', () => {
      answer = true;
      dialog.close();
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener?.isConnected) opener.focus();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
