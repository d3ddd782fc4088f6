import '@fontsource-variable/inter/wght.css';
import './styles/base.css';
import './styles/components.css';
import { Router } from './router.js';
import { notFound, routes } from './routes.js';

const outlet = document.getElementById('main');
if (outlet) new Router(routes, notFound, outlet).start();
