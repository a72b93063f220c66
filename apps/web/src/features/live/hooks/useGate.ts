import { type Finding, scan } from '@echo-hub/deid';
import { useMemo, useState } from 'react';
import { sameFinding } from '../components/GateFindings';

/**
 * The de-identification scan of a text being typed, as the hub's gate will run it: the people in the session and
 * the programme's places are not flagged. `unconfirmed` must be empty before the text is sent.
 */
export function useGate(text: string, people: string[], places: string[]) {
  const [confirmed, setConfirmed] = useState<Finding[]>([]);
  const peopleKey = people.join('\n');
  const placesKey = places.join('\n');
  const findings = useMemo(
    () => scan(text, { knownPeople: peopleKey.split('\n'), knownPlaces: placesKey.split('\n') }),
    [text, peopleKey, placesKey],
  );
  return {
    findings,
    confirmed,
    unconfirmed: findings.filter((f) => !confirmed.some((c) => sameFinding(c, f))),
    confirm: (f: Finding) => setConfirmed((c) => [...c, f]),
    reset: () => setConfirmed([]),
    /** The spans sent with the text: each one flagged here (the hub refuses any it still flags unconfirmed). */
    spans: findings.map(({ start, end }) => ({ start, end })),
  };
}
