/** The live teleECHO session: the room, its media and its host controls. */
export { livePages } from './pages';
