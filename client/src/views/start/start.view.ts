import { getSession } from '../../api/auth.js';
import { h } from '../../ui/dom.js';
import type { View } from '../view.js';

/**
 * `/`: where the session stands decides the page. Signed out: the sign-in form. Password
 * accepted: the phone check, resumed where it was. Signed in: the dashboard.
 */
export const startView: View = {
  async mount(outlet, context) {
    let session;
    try {
      session = await getSession();
    } catch {
      context.setTitle('Unavailable');
      outlet.append(
        h(
          'section',
          { class: 'card card--narrow' },
          h('h1', { class: 'page-title' }, 'Callgate is unavailable'),
          h('p', {}, 'Callgate could not be reached. Check your connection, then reload the page.'),
        ),
      );
      return;
    }
    if (session.state === 'authenticated') {
      context.navigate('/dashboard', { replace: true });
      return;
    }
    if (session.state === 'second-factor-pending') {
      const { mountVerification } = await import('../verification/verification.view.js');
      return mountVerification(outlet, context, session.challenge);
    }
    const { mountSignIn } = await import('../sign-in/sign-in.view.js');
    return mountSignIn(outlet, context);
  },
};
