import type { TransportOptions } from './live';

/**
 * "Test my connection" (/connection-test): a spoke checks, before a session, that the clinic's network reaches
 * the hub's web address, carries audio and video (UDP, TCP or only through the relay), and how fast it is.
 */

/** What a clinic's IT team must allow: the hub's media address and ports, and its relays (public: no credentials). */
export interface ConnectionTestInfo {
  media: { host: string; ports: { protocol: 'udp' | 'tcp'; port: number }[] };
  /** TURN URLs (e.g. `turns:turn.example.org:443?transport=tcp`); empty when the hub has no relay. */
  relays: string[];
  /** Largest download or upload the speed test may ask for, in kB. */
  maxKb: number;
}

/** A short-lived media transport on the hub's test router (signed-in people only), carrying one data channel. */
export interface ConnectionTestTransport {
  routerRtpCapabilities: unknown;
  /** With `sctpParameters` (the data channel) and, when the hub has TURN, credentials valid a few minutes. */
  transport: TransportOptions;
  /** The hub closes the transport after this long. */
  expiresInSeconds: number;
}

/** What the hub sees of a test transport: ICE and DTLS states, and the protocol of the path in use. */
export interface ConnectionTestStatus {
  iceState: string;
  dtlsState: string;
  protocol: 'udp' | 'tcp' | null;
}

export const ConnectionTestLimits = {
  /** Downloads and uploads per client address per minute. */
  transfersPerMinute: 60,
  /** Test transports per account per minute. */
  transportsPerMinute: 10,
  maxKb: 2048,
  transportSeconds: 60,
  /** Lifetime of the TURN credentials a test transport comes with. */
  turnSeconds: 300,
} as const;
