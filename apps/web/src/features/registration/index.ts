/** Public registration for a program (issue #20): the public form and the coordinator's settings. */
export { RegistrationSettings } from './components/RegistrationSettings';
export { registrationPages } from './pages';
