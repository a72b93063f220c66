import type { ReactNode } from 'react';

export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

interface ChartFrameProps {
  id: string;
  title: string;
  /** One sentence saying what the chart shows, read out in place of the picture. */
  summary: string;
  /** The figures behind the chart, as a table anyone (and any screen reader) can open. */
  table: ChartTable;
  legend?: { name: string; className: string; dashed?: boolean }[];
  empty?: string | null;
  children: ReactNode;
}

/** A chart's figure: title, the SVG (an image with a summary), its legend and its data as a table. */
export function ChartFrame({ id, title, summary, table, legend, empty, children }: ChartFrameProps) {
  return (
    <figure className="chart panel" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      {empty ? (
        <p className="hint">{empty}</p>
      ) : (
        <>
          <div role="img" aria-label={summary} className="chart-canvas">
            {children}
          </div>
          {legend && legend.length > 0 && (
            <ul className="chart-legend" aria-hidden="true">
              {legend.map((l) => (
                <li key={l.name}>
                  <svg width="18" height="10" viewBox="0 0 18 10">
                    {l.dashed ? (
                      <line x1="0" y1="5" x2="18" y2="5" className={l.className} strokeDasharray="4 3" />
                    ) : (
                      <rect x="0" y="0" width="18" height="10" className={l.className} />
                    )}
                  </svg>
                  {l.name}
                </li>
              ))}
            </ul>
          )}
          <details className="chart-data">
            <summary>Figures behind “{title}”</summary>
            <div className="table-wrap">
              <table className="data">
                <thead>
                  <tr>
                    {table.columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row, i) => (
                    <tr key={i}>
                      {row.map((cell, j) =>
                        j === 0 ? (
                          <th key={j} scope="row">
                            {cell}
                          </th>
                        ) : (
                          <td key={j}>{cell}</td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}
