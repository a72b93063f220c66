import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/useResource';
import { searchCommunity } from '../api/community';
import { ago } from '../lib/format';
import { SearchBox } from './SearchBox';
import '../community.css';

/** Results across the threads and posts the reader may see; matches are marked by the server (escaped HTML). */
export function SearchPage() {
  const { programId = '' } = useParams();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const results = useResource(q ? `search:${programId}:${q}` : null, () => searchCommunity(programId, q));
  return (
    <article className="search-page">
      <title>{`Search: ${q} · ECHO Hub`}</title>
      <p className="breadcrumb">
        <Link to={`/programs/${programId}/community`}>← Community</Link>
      </p>
      <h1>Search</h1>
      <SearchBox key={q} programId={programId} initial={q} />
      {q && results.status === 'loading' && <Loading>Searching…</Loading>}
      {results.status === 'error' && <ErrorAlert error={results.error} />}
      {results.status === 'ready' && (
        <section aria-label="Search results">
          <p role="status">
            {results.data.results.length === 0
              ? `Nothing found for “${q}”.`
              : `${results.data.results.length} result${results.data.results.length === 1 ? '' : 's'} for “${q}”.`}
          </p>
          <ol className="search-results">
            {results.data.results.map((r) => (
              <li key={r.postId}>
                <h2>
                  {/* The server escapes everything; only <mark> is markup. */}
                  <Link
                    to={`/threads/${r.threadId}#post-${r.postId}`}
                    dangerouslySetInnerHTML={{ __html: r.titleHtml }}
                  />
                </h2>
                <p className="snippet" dangerouslySetInnerHTML={{ __html: r.snippetHtml }} />
                <p className="hint">
                  {r.author.displayName} in {r.groupName} · {ago(r.createdAt)}
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
