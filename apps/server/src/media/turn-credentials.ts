import type { IceServer } from '@echo-hub/protocol';
import { createHmac } from 'node:crypto';
import type { TurnConfig } from '../config/config';

/**
 * Time-limited TURN credentials in the TURN REST form that coturn checks with `use-auth-secret`:
 * username `<unix expiry>:<userId>`, credential base64(HMAC-SHA1(secret, username)).
 */
export function turnCredentials(turn: TurnConfig, userId: string, nowMs = Date.now()): IceServer {
  const username = `${Math.floor(nowMs / 1000) + turn.ttlSeconds}:${userId}`;
  return {
    urls: turn.urls,
    username,
    credential: createHmac('sha1', turn.secret).update(username).digest('base64'),
  };
}
