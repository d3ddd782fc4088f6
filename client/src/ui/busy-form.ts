import { setAttr } from './dom.js';

/**
 * A setter for a form waiting on the server: its submit button disabled and saying what is
 * under way (`busyText`), the form marked aria-busy; back to the button's own words after.
 */
export function busyForm(
  form: HTMLFormElement,
  submit: HTMLButtonElement,
  busyText: string,
): (busy: boolean) => void {
  const idleText = submit.textContent ?? '';
  return (busy) => {
    submit.disabled = busy;
    submit.textContent = busy ? busyText : idleText;
    setAttr(form, 'aria-busy', busy ? 'true' : null);
  };
}
