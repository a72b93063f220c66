import { LiveErrorCode } from '@echo-hub/protocol';
import { DomainError, ErrorKind } from '../common/domain-error';

/**
 * A media request the SFU refuses (a transport, producer or consumer that is not the caller's, a wrong kind,
 * media the browser cannot receive). The live gateway answers it in the acknowledgement with its code.
 */
export class MediaError extends DomainError {
  constructor(
    override readonly code: typeof LiveErrorCode.Invalid | typeof LiveErrorCode.NotFound | typeof LiveErrorCode.Media,
    message: string,
  ) {
    super(KIND_OF[code], code, message);
  }
}

const KIND_OF = {
  [LiveErrorCode.Invalid]: ErrorKind.Invalid,
  [LiveErrorCode.NotFound]: ErrorKind.NotFound,
  [LiveErrorCode.Media]: ErrorKind.Unprocessable,
} as const;

export const invalidMedia = (message: string) => new MediaError(LiveErrorCode.Invalid, message);
export const mediaNotFound = (message: string) => new MediaError(LiveErrorCode.NotFound, message);
