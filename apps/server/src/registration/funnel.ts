import type { FunnelFigures, FunnelGroup, FunnelStage } from '@echo-hub/protocol';

/** One registered person and how far they got. */
export interface FunnelPerson {
  siteKey: string | null;
  roleKey: string | null;
  participationType: string | null;
  attended: boolean;
  completed: boolean;
  certified: boolean;
}

const LABELS: Record<FunnelStage, string> = {
  registered: 'Registered',
  attended: 'Attended at least one session',
  completed: 'Completed the series',
  certified: 'Certified',
};

/** People at each stage (each stage counts only those who reached the ones before), with the drop-off. */
export function funnelOf(people: FunnelPerson[]): FunnelFigures {
  const counts: [FunnelStage, number][] = [
    ['registered', people.length],
    ['attended', people.filter((p) => p.attended).length],
    ['completed', people.filter((p) => p.attended && p.completed).length],
    ['certified', people.filter((p) => p.attended && p.completed && p.certified).length],
  ];
  return {
    stages: counts.map(([stage, n], i) => {
      const before = i ? counts[i - 1][1] : null;
      return {
        stage,
        label: LABELS[stage],
        people: n,
        dropOff: before === null ? null : before ? Math.round(((before - n) / before) * 1000) / 1000 : null,
      };
    }),
  };
}

/** The funnel per value of `keyOf`, biggest group first. */
export function funnelBy(
  people: FunnelPerson[],
  keyOf: (p: FunnelPerson) => string | null,
  labelOf: (key: string | null) => string,
): FunnelGroup[] {
  const groups = new Map<string | null, FunnelPerson[]>();
  for (const p of people) groups.set(keyOf(p), [...(groups.get(keyOf(p)) ?? []), p]);
  return [...groups]
    .map(([key, ps]) => ({ key, label: labelOf(key), ...funnelOf(ps) }))
    .sort((a, b) => b.stages[0].people - a.stages[0].people || a.label.localeCompare(b.label));
}
