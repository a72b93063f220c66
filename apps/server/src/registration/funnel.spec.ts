import { type FunnelPerson, funnelBy, funnelOf } from './funnel';

const person = (over: Partial<FunnelPerson> = {}): FunnelPerson => ({
  siteKey: null,
  roleKey: null,
  participationType: 'staff',
  attended: false,
  completed: false,
  certified: false,
  ...over,
});

describe('funnel', () => {
  it('counts each stage among those who reached the one before, with the drop-off', () => {
    const sut = funnelOf([
      person(),
      person({ attended: true }),
      person({ attended: true, completed: true }),
      person({ attended: true, completed: true, certified: true }),
      // Certified without completing (another rule) does not skip a stage.
      person({ attended: true, certified: true }),
    ]);
    expect(sut.stages.map((s) => [s.stage, s.people, s.dropOff])).toEqual([
      ['registered', 5, null],
      ['attended', 4, 0.2],
      ['completed', 2, 0.5],
      ['certified', 1, 0.5],
    ]);
  });

  it('has no drop-off to show after an empty stage', () => {
    expect(funnelOf([person()]).stages.map((s) => s.dropOff)).toEqual([null, 1, null, null]);
  });

  it('groups by a key, biggest group first', () => {
    const sut = funnelBy(
      [person({ participationType: 'carer', attended: true }), person(), person()],
      (p) => p.participationType,
      (k) => k ?? 'Not recorded',
    );
    expect(sut.map((g) => [g.label, g.stages[0].people, g.stages[1].people])).toEqual([
      ['staff', 2, 0],
      ['carer', 1, 1],
    ]);
  });
});
