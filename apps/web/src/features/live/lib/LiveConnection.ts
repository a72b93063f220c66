import { HubConnection } from '../../../lib/socket';

export {
  errorCode,
  type HubEvent as LiveEvent,
  type HubRequest as LiveRequest,
  HubRequestError as LiveRequestError,
} from '../../../lib/socket';

/**
 * The signalling connection of the live room: a connection of its own (lib/socket.ts) for each visit, opened
 * by `connect()` once the room client listens. socket.io reconnects by itself; the room client listens to
 * `connect`/`disconnect`.
 */
export class LiveConnection extends HubConnection {
  constructor() {
    super({ autoConnect: false });
  }
}
