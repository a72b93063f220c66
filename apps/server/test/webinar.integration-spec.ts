import type { Ack, TransportOptions } from '@echo-hub/protocol';
import { RoomRegistry } from '../src/live/room-registry';
import { fakeRtp, type TestLiveClient } from './live-client';
import { liveScene } from './live-scene';

/**
 * The webinar layout over socket.io with real clients and a real mediasoup worker: viewers receive only (a send
 * transport or a producer is refused) yet raise a hand and chat; a host brings one on stage (hand lowered, they
 * publish and the others consume them) and sends them back (their producers close, sending is refused again).
 */
describe('the webinar layout of a live session', () => {
  const scene = liveScene('Webinar ECHO');

  beforeAll(() => scene.start());
  afterEach(() => scene.closeClients());
  afterAll(() => scene.close());

  const room = (sessionId: string) => scene.t.app.get(RoomRegistry).get(sessionId)!;
  const mic = async (c: TestLiveClient, ssrc: number) => {
    const send = await c.ok<TransportOptions>('media:createTransport', { direction: 'send' });
    const rtpParameters = fakeRtp.audio(ssrc);
    return (
      await c.ok<{ producerId: string }>('media:produce', {
        transportId: send.id,
        kind: 'audio',
        rtpParameters,
        source: 'mic',
      })
    ).producerId;
  };

  it('viewers receive only, raise a hand and chat; one is brought on stage, publishes and is sent back', async () => {
    const { sessionId, host, spoke1, spoke2, all } = await scene.liveSession();
    const viewer = scene.people.spoke1.id;
    const caps = (await room(sessionId).ensureMedia()).rtpCapabilities;

    // Only a host switches the layout or the stage.
    expect(await spoke1.request('host:webinar', { on: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await host.request('host:webinar', { on: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD', message: expect.stringMatching(/on/) },
    });
    await host.ok('host:webinar', { on: true });
    await Promise.all(all.map((c) => c.stateWhere((s) => s.webinar === true)));

    // The host (hub team) is on stage and sends; a viewer may not, but receives the stage.
    const hostMic = await mic(host, 1000);
    expect(await spoke1.request('media:createTransport', { direction: 'send' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/on stage/) },
    });
    const recv = await spoke1.ok<TransportOptions>('media:createTransport', { direction: 'recv' });
    await spoke1.ok('media:consume', { transportId: recv.id, producerId: hostMic, rtpCapabilities: caps });
    await spoke1.ok('hand:raise');
    await spoke1.ok('chat:send', { text: 'A question from the audience' });
    await host.stateWhere((s) => s.hands.some((h) => h.userId === viewer) && s.chat.length > 0);

    // Brought on stage: the hand goes down, they publish, and another viewer consumes them.
    await host.ok('host:stage', { userId: viewer, on: true });
    await spoke1.stateWhere((s) => !!s.stageUserIds?.includes(viewer) && s.hands.length === 0);
    const viewerMic = await mic(spoke1, 2000);
    await host.stateWhere((s) => !!s.participants.find((p) => p.userId === viewer)?.producers.length);
    const recv2 = await spoke2.ok<TransportOptions>('media:createTransport', { direction: 'recv' });
    const consumed = await spoke2.ok<{ id: string }>('media:consume', {
      transportId: recv2.id,
      producerId: viewerMic,
      rtpCapabilities: caps,
    });
    const closed = spoke2.waitFor<{ consumerId: string }>('media:consumerClosed', (p) => p.consumerId === consumed.id);

    // Sent back: what they sent closes (the others' consumers too), and sending is refused again.
    await host.ok('host:stage', { userId: viewer, on: false });
    await closed;
    await host.stateWhere(
      (s) =>
        !s.stageUserIds?.includes(viewer) && s.participants.find((p) => p.userId === viewer)?.producers.length === 0,
    );
    const again = (await spoke1.request('media:createTransport', { direction: 'send' })) as Ack<unknown>;
    expect(again).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Someone not in the session cannot be brought on stage; off, everyone may send again.
    expect(
      await host.request('host:stage', { userId: '00000000-0000-4000-8000-000000000000', on: true }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await host.ok('host:webinar', { on: false });
    await spoke2.stateWhere((s) => !s.webinar);
    await mic(spoke2, 3000);
  });
});
