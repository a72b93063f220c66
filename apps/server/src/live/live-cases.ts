import type { CaseStage } from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.types';
import { CasesService } from '../cases';
import { nowIso } from '../database/columns';
import { forbidden, invalid } from './live.errors';
import type { LiveRoom } from './live-room';
import { type LiveClient, NOTE_WRITER_ROLES } from './live.types';
import { RoomRecording } from './room-recording';
import { RoomRegistry } from './room-registry';
import { openingChange, participantOf } from './room-state';

/** Share of a case slot each stage gets: most for the presentation and the hub's recommendations. */
const STAGE_SHARE: Record<CaseStage, number> = {
  presentation: 0.25,
  'clarifying-spokes': 0.15,
  'clarifying-hub': 0.15,
  'recommendations-spokes': 0.15,
  'recommendations-hub': 0.2,
  summary: 0.1,
};
export const stageSeconds = (stage: CaseStage, slotMinutes: number) =>
  Math.round(STAGE_SHARE[stage] * slotMinutes * 60);

/** The case flow in the room: presentation, clarifying questions and recommendations (spokes first, then hub). */
@Injectable()
export class LiveCases {
  constructor(
    private readonly rooms: RoomRegistry,
    private readonly cases: CasesService,
    private readonly recording: RoomRecording,
  ) {}

  async open(client: LiveClient, caseId: string): Promise<void> {
    const room = await this.rooms.joined(client, { host: true });
    if ((await room.state()).liveCase) throw invalid('close the current case first');
    const presented = await this.cases.startPresenting(room.sessionId, caseId);
    await this.recording.stop(room);
    const caseSlots = room.agenda.map((item, index) => ({ item, index })).filter((x) => x.item.kind === 'case');
    const slot = caseSlots[Math.max(0, (presented.position ?? 1) - 1)] ?? caseSlots[0];
    const minutes = slot?.item.minutes ?? 30;
    await room.change(({ state }) =>
      openingChange(state, {
        phase: 'cases',
        timer: { slot: slot?.index ?? null, startedAt: nowIso(), seconds: minutes * 60 },
        presenterId: participantOf(state, presented.presenterId) ? presented.presenterId : state.presenterId,
        liveCase: {
          caseId,
          stage: 'presentation',
          stageStartedAt: nowIso(),
          stageSeconds: stageSeconds('presentation', minutes),
          notes: '',
        },
      }),
    );
    await room.updateVideoForwarding();
    // Recorded only when everyone present has consented; a consent is for one case.
    const { consent } = await room.shared();
    await room.change({ consent: null });
    if (consent && [...room.onlineUserIds()].every((id) => consent.userIds.includes(id))) {
      await this.recording.start(room, 'case', presented.title, '', consent);
    }
  }

  async setStage(client: LiveClient, stage: CaseStage): Promise<void> {
    const room = await this.rooms.joined(client, { host: true });
    const { liveCase: current, timer } = await room.state();
    if (!current) throw invalid('no case is open');
    const minutes = timer.seconds / 60 || 30;
    await room.change({
      set: { liveCase: { ...current, stage, stageStartedAt: nowIso(), stageSeconds: stageSeconds(stage, minutes) } },
    });
  }

  /** The shared recommendations editor: hosts and hub experts write, everyone sees. */
  async setNotes(client: LiveClient, text: string): Promise<void> {
    const room = await this.rooms.joined(client);
    const state = await room.state();
    const role = participantOf(state, client.user.id)?.role;
    if (!client.host && !(role && NOTE_WRITER_ROLES.includes(role))) {
      throw forbidden('Only the hub team writes the recommendations');
    }
    if (!state.liveCase) throw invalid('no case is open');
    await room.change(({ state: { liveCase } }) =>
      liveCase ? { set: { liveCase: { ...liveCase, notes: text } } } : {},
    );
  }

  /**
   * The session ends with a case still open, so that it is never left "presenting" in an ended session: what
   * was captured becomes its recommendations (through the gate, like closing: the end is refused until the notes
   * are fixed); with nothing captured it waits again (see CasesService.returnUnfinished).
   */
  async settle(room: LiveRoom, by: AuthUser): Promise<void> {
    const current = (await room.state()).liveCase;
    if (!current) return;
    if (current.notes.trim()) {
      await this.cases.finishPresenting(current.caseId, current.notes, by);
    } else {
      await this.cases.returnUnfinished(current.caseId, by);
    }
    await room.change({ set: { liveCase: null, presenterId: null } });
  }

  /** Closes the case: its notes pass the de-identification gate and become its written recommendations. */
  async close(client: LiveClient): Promise<void> {
    const room = await this.rooms.joined(client, { host: true });
    const current = (await room.state()).liveCase;
    if (!current) throw invalid('no case is open');
    await this.cases.finishPresenting(current.caseId, current.notes, client.user);
    await this.recording.stop(room);
    await room.change({ set: { liveCase: null, presenterId: null } });
    await room.updateVideoForwarding();
  }
}
