import { h } from '../../ui/dom.js';
import { icon } from '../../ui/icons.js';
import { minutesAndSeconds } from '../../ui/format.js';

/** "Code expires in 4:32", ticking each second; `onMinuteLeft` fires once. */
export function countdown(onMinuteLeft: () => void) {
  const time = h('time', { class: 'countdown__time' });
  const element = h(
    'p',
    { class: 'countdown' },
    icon('clock'),
    h('span', {}, 'Code expires in ', time),
  );
  let expiresAt = 0;
  let warned = false;
  let timer: number | undefined;

  const tick = () => {
    const left = (expiresAt - Date.now()) / 1000;
    time.textContent = minutesAndSeconds(left);
    time.dateTime = `PT${Math.max(0, Math.ceil(left))}S`;
    element.dataset.urgent = String(left <= 60);
    if (!warned && left <= 60 && left > 0) {
      warned = true;
      onMinuteLeft();
    }
  };

  return {
    element,
    start(until: string) {
      const next = Date.parse(until);
      if (next !== expiresAt) warned = (next - Date.now()) / 1000 <= 60;
      expiresAt = next;
      tick();
      timer ??= window.setInterval(tick, 1000);
    },
    stop() {
      if (timer !== undefined) window.clearInterval(timer);
      timer = undefined;
    },
  };
}
