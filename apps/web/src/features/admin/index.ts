// The admin feature's public surface.
export { AdminAuditPage } from './components/AdminAuditPage';
export { AdminUsersPage } from './components/AdminUsersPage';
export { downloadExport } from './api/admin';
