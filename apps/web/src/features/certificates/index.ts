/** Attendance certificates: a member's periods and downloads, and the public verification page. */
export { CertificatesSection } from './components/CertificatesSection';
export { certificatePages } from './pages';
