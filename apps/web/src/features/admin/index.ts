// The admin feature's public surface: its pages (for the router) and a person's data export.
export { downloadExport } from './api/admin';
export { adminPages } from './pages';
