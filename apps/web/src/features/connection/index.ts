// The connection feature's public surface: "Test my connection".
export { ConnectionTestPage } from './components/ConnectionTestPage';
