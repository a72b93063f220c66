import type { JoinResponse } from '@echo-hub/protocol';
import { ProgramsService } from '../src/programs/programs.service';
import { SessionsService } from '../src/sessions/sessions.service';
import { type Account, account, addMember } from './fixtures';
import { connectClient, type TestLiveClient } from './live-client';
import { startTestApp, type TestApp } from './test-app';

/**
 * A test app with a program of a facilitator and two spokes, and fresh live sessions among them (opened by the
 * host, both spokes in): the scene of the live features' integration specs. Call `start` in beforeAll, `closeClients`
 * after each test and `close` after all.
 */
export function liveScene(programName: string) {
  const scene = {
    t: undefined as unknown as TestApp,
    url: '',
    programId: '',
    people: {} as Record<'host' | 'spoke1' | 'spoke2', Account>,
    clients: [] as TestLiveClient[],

    async start(): Promise<void> {
      scene.t = await startTestApp();
      await scene.t.app.listen(0, '127.0.0.1');
      scene.url = await scene.t.app.getUrl();
      for (const name of ['host', 'spoke1', 'spoke2'] as const) scene.people[name] = await account(scene.t.app, name);
      scene.programId = (await scene.t.app.get(ProgramsService).create({ name: programName })).id;
      await addMember(scene.t.app, scene.programId, scene.people.host.id, 'facilitator');
      await addMember(scene.t.app, scene.programId, scene.people.spoke1.id, 'participant');
      await addMember(scene.t.app, scene.programId, scene.people.spoke2.id, 'participant');
    },

    /** A new session, opened by the host, with both spokes in it (each client holding the room's state). */
    async liveSession() {
      const sessionId = (
        await scene.t.app
          .get(SessionsService)
          .create(
            scene.programId,
            { title: programName, startsAt: new Date().toISOString(), durationMinutes: 60 },
            null,
          )
      ).id;
      const { host: h, spoke1: s1, spoke2: s2 } = scene.people;
      const [host, spoke1, spoke2] = await Promise.all(
        [h, s1, s2].map((p) => connectClient(scene.url, p.token, scene.clients)),
      );
      for (const c of [host, spoke1, spoke2]) c.state = (await c.ok<JoinResponse>('session:join', { sessionId })).state;
      await host.ok('host:open');
      await Promise.all([spoke1, spoke2].map((c) => c.stateWhere((s) => s.open)));
      return { sessionId, host, spoke1, spoke2, all: [host, spoke1, spoke2] };
    },

    closeClients(): void {
      scene.clients.forEach((c) => c.close());
      scene.clients = [];
    },

    close: () => scene.t.close(),
  };
  return scene;
}
