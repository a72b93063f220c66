/** The home page and the hub's health. */
export { HomePage } from './components/HomePage';
