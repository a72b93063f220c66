/** The live teleECHO session: the room, its media and its host controls. */
export { livePages } from './pages';
export { unreachableMessage } from './lib/connectivity';
export { selectedLocalCandidate } from './lib/stats';
