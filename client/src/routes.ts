import type { Route } from './router.js';

/**
 * The client's pages. The server serves index.html for each of these paths (see
 * src/web/web-client.controller.ts); add a path there too when adding one here.
 */
export const routes: Route[] = [
  { path: '/', load: () => import('./views/start/start.view.js').then((m) => m.startView) },
  {
    path: '/dashboard',
    load: () => import('./views/dashboard/dashboard.view.js').then((m) => m.dashboardView),
  },
  { path: '/admin', load: () => import('./views/admin/admin.view.js').then((m) => m.adminView) },
  { path: '/phone', load: () => import('./views/phone/phone.view.js').then((m) => m.phoneView) },
];

export const notFound = () =>
  import('./views/not-found/not-found.view.js').then((m) => m.notFoundView);
