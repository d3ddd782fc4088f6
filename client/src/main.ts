// Placeholder until the sign-in, verification, dashboard and virtual phone views land.
const app = document.querySelector<HTMLElement>('#app');
if (app) app.dataset.ready = 'true';
