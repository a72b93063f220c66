import { LiveErrorCode } from '@echo-hub/protocol';

/**
 * A media request the SFU refuses (a transport, producer or consumer that is not the caller's, a wrong kind,
 * media the browser cannot receive). The live gateway answers it in the acknowledgement with its code.
 */
export class MediaError extends Error {
  constructor(
    readonly code: typeof LiveErrorCode.Invalid | typeof LiveErrorCode.NotFound | typeof LiveErrorCode.Media,
    message: string,
  ) {
    super(message);
  }
}

export const invalidMedia = (message: string) => new MediaError(LiveErrorCode.Invalid, message);
export const mediaNotFound = (message: string) => new MediaError(LiveErrorCode.NotFound, message);
