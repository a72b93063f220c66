import { DomainCode, DomainError, ErrorKind } from '../common/domain-error';
import { agendaItem, liveParts, sessionWith } from './live.fixtures';

describe('LiveCases', () => {
  const agenda = [agendaItem('didactic', 20), agendaItem('case', 30), agendaItem('case', 40)];

  async function withCase(position = 2) {
    const parts = liveParts(agenda);
    const s = await sessionWith(parts, { spokes: 2, experts: 1 });
    const presenter = s.spokes[0];
    parts.cases.queue.set('case-1', { presenterId: presenter.user.id, title: 'A case', position });
    return { parts, s, presenter, sut: parts.liveCases };
  }

  it('opens a case in its slot: cases phase, the slot’s timer, the presenter, the presentation stage', async () => {
    const { s, presenter, sut } = await withCase(2);
    await sut.open(s.host, 'case-1');
    expect(await s.state()).toMatchObject({
      phase: 'cases',
      timer: { slot: 2, seconds: 40 * 60 },
      presenterId: presenter.user.id,
      liveCase: { caseId: 'case-1', stage: 'presentation', stageSeconds: 600, notes: '' },
    });
    await expect(sut.open(s.host, 'case-1')).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
  });

  it('a stage gets its share of the slot', async () => {
    const { s, sut } = await withCase(1);
    await sut.open(s.host, 'case-1');
    await sut.setStage(s.host, 'recommendations-hub');
    expect((await s.state()).liveCase).toMatchObject({ stage: 'recommendations-hub', stageSeconds: 0.2 * 30 * 60 });
  });

  it('the hub team writes the recommendations; spokes do not', async () => {
    const { s, sut } = await withCase();
    await sut.open(s.host, 'case-1');
    await sut.setNotes(s.experts[0], 'Try a shared goal-setting sheet');
    await expect(sut.setNotes(s.spokes[1], 'mine')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await s.state()).liveCase?.notes).toBe('Try a shared goal-setting sheet');
  });

  it('closing writes the notes as the case’s recommendations and clears the case and presenter', async () => {
    const { parts, s, sut } = await withCase();
    await sut.open(s.host, 'case-1');
    await sut.setNotes(s.host, 'Refer to the falls service');
    await sut.close(s.host);
    expect(parts.cases.finished).toEqual([{ caseId: 'case-1', notes: 'Refer to the falls service' }]);
    expect(await s.state()).toMatchObject({ liveCase: null, presenterId: null });
    await expect(sut.close(s.host)).rejects.toMatchObject({ code: 'INVALID_PAYLOAD', message: 'no case is open' });
  });

  it('notes the gate refuses keep the case open and answer IDENTIFIERS_FOUND', async () => {
    const { parts, s, sut } = await withCase();
    await sut.open(s.host, 'case-1');
    parts.cases.refuse = new DomainError(
      ErrorKind.Unprocessable,
      DomainCode.IdentifiersFound,
      'Possible patient identifiers: …',
    );
    await expect(sut.close(s.host)).rejects.toMatchObject({ code: 'IDENTIFIERS_FOUND' });
    expect((await s.state()).liveCase?.caseId).toBe('case-1');
  });

  it('ending the session with a case open keeps what was captured as its recommendations', async () => {
    const { parts, s, sut } = await withCase();
    await sut.open(s.host, 'case-1');
    await sut.setNotes(s.host, 'Refer to the memory clinic');
    await parts.lifecycle.end(s.host);
    expect(parts.cases.finished).toEqual([{ caseId: 'case-1', notes: 'Refer to the memory clinic' }]);
    expect(parts.cases.returned).toEqual([]);
  });

  it('ending the session with a case open and nothing captured returns the case to the queue', async () => {
    const { parts, s, sut } = await withCase();
    await sut.open(s.host, 'case-1');
    await parts.lifecycle.end(s.host);
    expect(parts.cases.returned).toEqual(['case-1']);
    expect(parts.cases.finished).toEqual([]);
  });

  it('an end refused by the gate (identifiers in the notes) leaves the session running and the case open', async () => {
    const { parts, s, sut } = await withCase();
    await sut.open(s.host, 'case-1');
    await sut.setNotes(s.host, 'notes');
    parts.cases.refuse = new DomainError(
      ErrorKind.Unprocessable,
      DomainCode.IdentifiersFound,
      'Possible patient identifiers: …',
    );
    await expect(parts.lifecycle.end(s.host)).rejects.toMatchObject({ code: 'IDENTIFIERS_FOUND' });
    expect(await s.state()).toMatchObject({ phase: 'cases', liveCase: { caseId: 'case-1' } });
  });

  it('a consent to record is for one case', async () => {
    const { s, sut, parts } = await withCase();
    await parts.recording.recordConsent(s.host, []);
    await sut.open(s.host, 'case-1');
    expect((await s.room.shared()).consent).toBeNull();
  });

  it('is for hosts only, with a case open for stage and notes', async () => {
    const { s, sut } = await withCase();
    await expect(sut.open(s.spokes[0], 'case-1')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(sut.setStage(s.host, 'summary')).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(sut.setNotes(s.host, 'x')).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(sut.setStage(s.spokes[0], 'summary')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
