// The connection feature's public surface: "Test my connection".
export { connectionPages } from './pages';
