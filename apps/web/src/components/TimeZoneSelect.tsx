import type { SelectHTMLAttributes } from 'react';
import { timeZones } from '../lib/time';

/** A select of IANA time zones (give it a value or defaultValue). */
export function TimeZoneSelect(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select {...props}>
      {timeZones().map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll('_', ' ')}
        </option>
      ))}
    </select>
  );
}
