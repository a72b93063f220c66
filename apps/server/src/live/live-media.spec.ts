import { liveParts, sessionWith } from './live.fixtures';

const transportId = '5b1d3f36-8f7a-4a57-9b8e-2d7c39a4f001';

/** Signalling checks that need no media flowing (transports and producers are covered with real workers in
 * apps/server/test/live.integration-spec.ts). */
describe('LiveMedia', () => {
  it('keeps spokes in the lobby out of media until a host opens the room; the hub team is not kept', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1, experts: 1, open: false });
    const sut = parts.media;
    await expect(sut.createTransport(s.spokes[0], 'send')).rejects.toMatchObject({ code: 'IN_LOBBY' });
    await expect(sut.resumeConsumer(s.spokes[0], 'c1')).rejects.toMatchObject({ code: 'IN_LOBBY' });
    await expect(sut.resumeConsumer(s.experts[0], 'c1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await parts.lifecycle.open(s.host);
    await expect(sut.resumeConsumer(s.spokes[0], 'c1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers for transports, producers and consumers that are not the caller’s with NOT_FOUND', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const [spoke] = s.spokes;
    const sut = parts.media;
    const refusals = [
      () => sut.connectTransport(spoke, { transportId, dtlsParameters: {} }),
      () => sut.restartIce(spoke, transportId),
      () => sut.closeProducer(spoke, 'p1'),
      () => sut.setProducerPaused(spoke, { producerId: 'p1', paused: true }),
      () => sut.consume(spoke, { transportId, producerId: 'p1', rtpCapabilities: {} }),
      () => sut.viewConsumer(spoke, { consumerId: 'c1', visible: true, height: 360 }),
    ];
    for (const refusal of refusals) await expect(refusal()).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
