// Site-wide public pages, health check and assets.
export { siteRoutes } from './site.routes.tsx';
