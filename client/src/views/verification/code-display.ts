import { h } from '../../ui/dom.js';
import type { VerificationState } from './verification-state.js';

type DigitState = 'pending' | 'next' | 'correct' | 'wrong';

const MARKS: Record<DigitState, string> = { pending: '', next: '', correct: '✓', wrong: '✗' };
const SPOKEN: Record<DigitState, string> = {
  pending: 'not typed yet',
  next: 'type this one next',
  correct: 'right',
  wrong: 'wrong',
};

/**
 * The code in large digits. Each digit shows its result by colour and by a symbol (✓ right,
 * ✗ wrong), never by colour alone, and says it in words to a screen reader.
 */
export function codeDisplay(label = 'Your code') {
  const list = h('ol', { class: 'code', 'aria-label': label });
  let cells: { item: HTMLLIElement; value: HTMLElement; mark: HTMLElement; spoken: HTMLElement }[] =
    [];

  function build(length: number): void {
    cells = Array.from({ length }, () => {
      const value = h('span', { class: 'code__value' });
      const mark = h('span', { class: 'code__mark', 'aria-hidden': 'true' });
      const spoken = h('span', { class: 'visually-hidden' });
      const item = h('li', { class: 'code__digit' }, value, spoken, mark);
      return { item, value, mark, spoken };
    });
    list.replaceChildren(...cells.map((cell) => cell.item));
    list.dataset.length = String(length);
  }

  return {
    element: list,
    update(state: VerificationState) {
      if (cells.length !== state.length) build(state.length);
      const typing =
        (state.status === 'in-progress' || state.call === 'answered') &&
        state.wrongAt === null &&
        state.status !== 'verified' &&
        state.status !== 'failed' &&
        state.status !== 'expired';
      cells.forEach((cell, position) => {
        const digitState = stateOf(position, state, typing);
        cell.item.dataset.state = digitState;
        cell.value.textContent = state.code?.[position] ?? '•';
        cell.mark.textContent = MARKS[digitState];
        cell.spoken.textContent = `, ${SPOKEN[digitState]}`;
      });
    },
  };
}

function stateOf(position: number, state: VerificationState, typing: boolean): DigitState {
  if (position < state.entered) return 'correct';
  if (position === state.wrongAt) return 'wrong';
  if (position === state.entered && typing) return 'next';
  return 'pending';
}
