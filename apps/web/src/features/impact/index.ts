/** A programme's impact: attendance, surveys and their charts. */
export { ImpactLink } from './components/ImpactLink';
export { SessionAttendance } from './components/SessionAttendance';
export { impactPages } from './pages';
