// The accounts module: signing in and out, emailed links, passwords, invitations.
export { accountRoutes } from './accounts.routes.tsx';
