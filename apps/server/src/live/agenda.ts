import { Injectable } from '@nestjs/common';
import { nowIso } from '../database/columns';
import type { PhaseDto } from './dto/live.dto';
import { invalid } from './live.errors';
import type { LiveClient } from './live.types';
import { RoomRecording } from './room-recording';
import { RoomRegistry } from './room-registry';
import { openingChange } from './room-state';

/** The running order: the phase and the agenda slot with its timer; didactic slots record by themselves. */
@Injectable()
export class LiveAgenda {
  constructor(
    private readonly rooms: RoomRegistry,
    private readonly recording: RoomRecording,
  ) {}

  async setPhase(client: LiveClient, dto: PhaseDto): Promise<void> {
    const room = await this.rooms.joined(client, { host: true });
    if (dto.phase === 'ended') throw invalid('use host:end to end the session');
    const slot = dto.slot ?? null;
    const item = slot === null ? undefined : room.agenda[slot];
    if (slot !== null && !item) throw invalid(`slot ${slot} is not in the agenda`);
    await room.change(({ state }) =>
      openingChange(state, {
        phase: dto.phase,
        timer: { slot, startedAt: item ? nowIso() : null, seconds: (item?.minutes ?? 0) * 60 },
      }),
    );
    // Didactic slots record by themselves; any other phase stops the recording.
    await this.recording.stop(room);
    if (dto.phase === 'didactic' && item?.kind === 'didactic') {
      await this.recording.start(room, 'didactic', item.title, item.presenter?.displayName ?? '');
    }
  }
}
