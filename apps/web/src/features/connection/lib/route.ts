import type { ConnectionTestTransport } from '@echo-hub/protocol';
import { Device, type types } from 'mediasoup-client';
import { api, request } from '../../../lib/api';
import { selectedLocalCandidate } from '../../live';

/** How audio and video reach the hub from here: straight over UDP or TCP, through the relay, or not at all. */
export type MediaRoute = 'udp' | 'tcp' | 'relay' | 'none';

export interface RouteResult {
  route: MediaRoute;
  /** For the relay: how we reach it (`udp`, `tcp` or `tls`). */
  relayProtocol: string | null;
}

/** As long as the live room waits before it says media cannot connect. */
const CONNECT_MS = 15_000;

/**
 * Opens a test transport on the hub (signed-in people), sends a data channel over it so ICE and DTLS run (no
 * camera or microphone needed), and reads which candidate pair got selected. `relayOnly`: through TURN only.
 */
export async function testRoute(relayOnly: boolean): Promise<RouteResult> {
  const test = await api<ConnectionTestTransport>('/connection-test/transports', request('POST'));
  const path = `/connection-test/transports/${test.transport.id}`;
  const device = new Device();
  await device.load({ routerRtpCapabilities: test.routerRtpCapabilities as types.RtpCapabilities });
  const transport = device.createSendTransport({
    id: test.transport.id,
    iceParameters: test.transport.iceParameters as types.IceParameters,
    iceCandidates: test.transport.iceCandidates as types.IceCandidate[],
    dtlsParameters: test.transport.dtlsParameters as types.DtlsParameters,
    sctpParameters: test.transport.sctpParameters as types.SctpParameters,
    iceServers: test.transport.iceServers,
    iceTransportPolicy: relayOnly ? 'relay' : 'all',
  });
  try {
    transport.on('connect', ({ dtlsParameters }, done, fail) => {
      api(`${path}/connect`, request('POST', { dtlsParameters })).then(() => done(), fail);
    });
    transport.on('producedata', ({ sctpStreamParameters, label }, done, fail) => {
      api<{ id: string }>(`${path}/data`, request('POST', { sctpStreamParameters, label })).then(done, fail);
    });
    const connected = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), CONNECT_MS);
      transport.on('connectionstatechange', (state) => {
        if (state !== 'connected' && state !== 'failed') return;
        clearTimeout(timer);
        resolve(state === 'connected');
      });
    });
    await transport.produceData({ label: 'connection-test', ordered: true });
    if (!(await connected)) return { route: 'none', relayProtocol: null };
    const local = selectedLocalCandidate(await transport.getStats());
    if (local?.candidateType === 'relay') return { route: 'relay', relayProtocol: local.relayProtocol };
    return { route: local?.protocol === 'tcp' ? 'tcp' : 'udp', relayProtocol: null };
  } finally {
    transport.close();
    void api(path, request('DELETE')).catch(() => undefined);
  }
}
