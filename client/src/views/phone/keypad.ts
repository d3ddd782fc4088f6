import { KEYPAD_KEYS } from '../../api/simulator.js';
import { h } from '../../ui/dom.js';

const LETTERS: Record<string, string> = {
  '2': 'ABC',
  '3': 'DEF',
  '4': 'GHI',
  '5': 'JKL',
  '6': 'MNO',
  '7': 'PQRS',
  '8': 'TUV',
  '9': 'WXYZ',
  '0': '+',
};

const PRESS_FLASH_MS = 160;

/**
 * A phone keypad. Each button is named by its key alone ("1"…"9", "0", "*", "#"); the
 * letters are decoration. The same keys typed on the keyboard press the buttons.
 */
export function keypad(onPress: (key: string) => void) {
  const buttons = new Map<string, HTMLButtonElement>();
  const grid = h('div', { class: 'keypad', role: 'group', 'aria-label': 'Keypad' });
  for (const key of KEYPAD_KEYS) {
    const button = h(
      'button',
      { type: 'button', class: 'keypad__key', 'data-key': key },
      h('span', { class: 'keypad__digit' }, key),
      h('span', { class: 'keypad__letters', 'aria-hidden': 'true' }, LETTERS[key] ?? ''),
    );
    button.addEventListener('click', () => onPress(key));
    buttons.set(key, button);
    grid.append(button);
  }
  return {
    element: grid,
    first: () => buttons.get('1')!,
    /** Shows a key as pressed for a moment (when typed on the keyboard). */
    flash(key: string) {
      const button = buttons.get(key);
      if (!button) return;
      button.classList.add('is-pressed');
      window.setTimeout(() => button.classList.remove('is-pressed'), PRESS_FLASH_MS);
    },
    has: (key: string) => buttons.has(key),
  };
}
