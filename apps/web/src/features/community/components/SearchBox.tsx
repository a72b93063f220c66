import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router-dom';

/** Search the community of one program (opens the search page). */
export function SearchBox({ programId, initial = '' }: { programId: string; initial?: string }) {
  const id = useId();
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) navigate(`/programs/${programId}/community/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <form role="search" className="search-box" onSubmit={onSubmit}>
      <label htmlFor={id}>Search the community</label>
      <input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} />
      <button type="submit" className="button">
        Search
      </button>
    </form>
  );
}
