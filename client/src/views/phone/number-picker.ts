import { listNumbers, type VirtualPhoneNumber } from '../../api/simulator.js';
import { h, setAttr, uniqueId } from '../../ui/dom.js';
import { spacedNumber } from '../../ui/format.js';

const E164 = /^\+[1-9]\d{1,14}$/;

/** "+1 (202) 555-0147" → "+12025550147"; null when it is not an international number. */
export function normalizeNumber(typed: string): string | null {
  const compact = typed.replace(/[\s().-]/g, '');
  return E164.test(compact) ? compact : null;
}

/**
 * Which number this virtual phone is: typed, or picked from the demo phones and the numbers
 * Callgate called lately.
 */
export function numberPicker(onPick: (number: string) => void) {
  const inputId = uniqueId('phone-number');
  const errorId = `${inputId}-error`;
  const input = h('input', {
    id: inputId,
    class: 'input',
    type: 'tel',
    inputmode: 'tel',
    autocomplete: 'off',
    placeholder: '+12025550147',
    spellcheck: 'false',
  });
  const error = h('p', { class: 'field__error', id: errorId, hidden: true });
  const form = h(
    'form',
    { class: 'number-form', novalidate: true },
    h(
      'div',
      { class: 'field' },
      h('label', { for: inputId, class: 'field__label' }, 'Phone number'),
      h(
        'div',
        { class: 'input-row' },
        input,
        h('button', { type: 'submit', class: 'button' }, 'Use this number'),
      ),
      error,
    ),
  );
  const choicesTitle = h(
    'h2',
    { class: 'section-title small', id: uniqueId('known') },
    'Numbers to try',
  );
  const choices = h('ul', { class: 'number-choices', 'aria-labelledby': choicesTitle.id });
  const choicesBlock = h(
    'div',
    { class: 'number-choices-block', hidden: true },
    choicesTitle,
    choices,
  );
  const element = h('div', { class: 'number-picker' }, form, choicesBlock);
  let known: VirtualPhoneNumber[] = [];
  let current: string | null = null;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const number = normalizeNumber(input.value);
    showError(
      number
        ? null
        : 'Enter the number in international format: + then the country code, like +12025550147.',
    );
    if (number) onPick(number);
    else input.focus();
  });

  function showError(message: string | null): void {
    error.hidden = message === null;
    error.textContent = message ?? '';
    setAttr(input, 'aria-invalid', message ? 'true' : null);
    setAttr(input, 'aria-describedby', message ? errorId : null);
  }

  function paint(): void {
    choicesBlock.hidden = known.length === 0;
    choices.replaceChildren(
      ...known.map((entry) => {
        const button = h(
          'button',
          {
            type: 'button',
            class: 'number-choice',
            'aria-pressed': String(entry.number === current),
          },
          h('span', { class: 'number-choice__label' }, entry.label),
          h('span', { class: 'number-choice__number' }, spacedNumber(entry.number)),
        );
        button.addEventListener('click', () => onPick(entry.number));
        return h('li', {}, button);
      }),
    );
  }

  return {
    element,
    /** Loads the numbers to offer; resolves with them. */
    async refresh(): Promise<VirtualPhoneNumber[]> {
      known = await listNumbers().catch(() => known);
      paint();
      return known;
    },
    select(number: string) {
      current = number;
      input.value = number;
      showError(null);
      paint();
    },
  };
}
