import type { ProgramDto, SessionDto } from '@echo-hub/protocol';
import { useResource } from '../../../lib/useResource';
import { listSessions } from '../../sessions';

/** The sessions of all the given programs in [from, to), ordered by start. */
export function useMonthSessions(programs: ProgramDto[] | null, from: Date, to: Date) {
  const key = programs && `${programs.map((p) => p.id).join(',')}|${from.toISOString()}|${to.toISOString()}`;
  return useResource<SessionDto[]>(key, async () => {
    const perProgram = await Promise.all((programs ?? []).map((p) => listSessions(p.id, from, to)));
    return perProgram.flat().sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  });
}
