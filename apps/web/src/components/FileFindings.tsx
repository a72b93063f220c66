import type { ConfirmedSpan, FieldFinding, FindingBox } from '@echo-hub/protocol';
import { type PointerEvent, useEffect, useRef, useState } from 'react';
import { toApiError } from '../lib/api';
import { pdfPagePreview } from '../lib/upload';
import './file-findings.css';

/** What the uploader chose for the findings in a file: which identify nobody, and the areas they drew. */
export interface RedactionChoice {
  /** Keys (`findingKey`) of findings the uploader says identify nobody; every other finding is covered. */
  nobody: string[];
  /** Areas the uploader drew on the picture to cover as well. */
  drawn: FindingBox[];
}

export const NO_CHOICE: RedactionChoice = { nobody: [], drawn: [] };

export const findingKey = (f: FieldFinding) => `${f.start}-${f.end}`;

/** The upload's fields for a choice: the boxes to burn in, and the findings confirmed as identifying nobody. */
export function redactionFields(
  findings: readonly FieldFinding[],
  choice: RedactionChoice,
): { redactions: FindingBox[]; confirmedSpans: ConfirmedSpan[] } {
  const nobody = (f: FieldFinding) => choice.nobody.includes(findingKey(f));
  return {
    redactions: [...findings.filter((f) => !nobody(f)).flatMap((f) => f.boxes ?? []), ...choice.drawn],
    confirmedSpans: findings.filter(nobody).map((f) => ({ field: 'content' as const, start: f.start, end: f.end })),
  };
}

const percent = (box: FindingBox, size: { width: number; height: number }) => ({
  left: `${(box.left / size.width) * 100}%`,
  top: `${(box.top / size.height) * 100}%`,
  width: `${(box.width / size.width) * 100}%`,
  height: `${(box.height / size.height) * 100}%`,
});

/** A drag from (x0, y0) to (x1, y1) in the picture's own pixels, as a box on page `page`. */
const dragBox = (d: { x0: number; y0: number; x1: number; y1: number }, page: number): FindingBox => ({
  page,
  left: Math.round(Math.min(d.x0, d.x1)),
  top: Math.round(Math.min(d.y0, d.y1)),
  width: Math.round(Math.abs(d.x1 - d.x0)),
  height: Math.round(Math.abs(d.y1 - d.y0)),
});

const isPdfFile = (file: File) => file.type === 'application/pdf' || /\.pdf$/i.test(file.name);

/**
 * The picture of one page (an image's only page, or a PDF page the hub rendered), with the boxes of the
 * findings on it (black: to cover; outlined: kept) and the areas the uploader drags out on it.
 */
function PagePicture({
  src,
  alt,
  page,
  findings,
  choice,
  onChange,
}: {
  src: string;
  alt: string;
  page: number;
  findings: readonly FieldFinding[];
  choice: RedactionChoice;
  onChange: (choice: RedactionChoice) => void;
}) {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);
  const picture = useRef<HTMLImageElement>(null);
  const nobody = (f: FieldFinding) => choice.nobody.includes(findingKey(f));

  /** The pointer's place in the picture's own pixels. */
  const at = (e: PointerEvent<HTMLDivElement>) => {
    const img = picture.current;
    if (!img || !size) return null;
    const rect = img.getBoundingClientRect();
    const x = Math.max(0, Math.min(rect.width, e.clientX - rect.left));
    const y = Math.max(0, Math.min(rect.height, e.clientY - rect.top));
    return { x: (x * size.width) / rect.width, y: (y * size.height) / rect.height };
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const p = at(e);
    if (!p) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const p = at(e);
    if (drag && p) setDrag({ ...drag, x1: p.x, y1: p.y });
  };
  const onPointerUp = () => {
    if (!drag) return;
    const box = dragBox(drag, page);
    setDrag(null);
    if (box.width >= 3 && box.height >= 3) onChange({ ...choice, drawn: [...choice.drawn, box] });
  };
  const onPage = (b: FindingBox) => b.page === page;

  return (
    <div
      className="file-findings-picture"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      data-testid="redaction-picture"
    >
      <img
        ref={picture}
        src={src}
        alt={alt}
        draggable={false}
        onLoad={(e) => setSize({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
      />
      {size &&
        findings.flatMap((f) =>
          (f.boxes ?? [])
            .filter(onPage)
            .map((b, i) => (
              <span
                key={`${findingKey(f)}-${i}`}
                className={nobody(f) ? 'file-findings-box kept' : 'file-findings-box covered'}
                style={percent(b, size)}
                data-testid="finding-box"
              />
            )),
        )}
      {size &&
        choice.drawn
          .filter(onPage)
          .map((b, i) => <span key={`drawn-${i}`} className="file-findings-box covered" style={percent(b, size)} />)}
      {size && drag && <span className="file-findings-box drawing" style={percent(dragBox(drag, page), size)} />}
    </div>
  );
}

/** Page `page` of a PDF as the hub renders it (an object URL), or the error that kept it from showing. */
function usePdfPage(file: File, page: number): { src: string | null; error: string | null } {
  const [state, setState] = useState<{ src: string | null; error: string | null }>({ src: null, error: null });
  useEffect(() => {
    const abort = new AbortController();
    let url: string | null = null;
    setState({ src: null, error: null });
    pdfPagePreview(file, page, abort.signal).then(
      (blob) => {
        url = URL.createObjectURL(blob);
        setState({ src: url, error: null });
      },
      (e: unknown) => {
        if (!abort.signal.aborted) setState({ src: null, error: toApiError(e).message });
      },
    );
    return () => {
      abort.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [file, page]);
  return state;
}

/** One page of a PDF with findings: fetched from the hub, then shown like an image. */
function PdfPage(props: {
  file: File;
  page: number;
  findings: readonly FieldFinding[];
  choice: RedactionChoice;
  onChange: (choice: RedactionChoice) => void;
}) {
  const { src, error } = usePdfPage(props.file, props.page);
  const label = `Page ${props.page}`;
  return (
    <figure aria-label={label}>
      {src ? (
        <PagePicture
          {...props}
          src={src}
          alt={`${label} of ${props.file.name}: what may identify someone is outlined`}
        />
      ) : error ? (
        <p role="alert">{`${label} could not be shown: ${error}`}</p>
      ) : (
        <p role="status">{`Showing ${label.toLowerCase()}…`}</p>
      )}
      <figcaption className="hint">
        {`${label}: black areas will be covered in the stored copy. Drag on the page to cover anything else.`}
      </figcaption>
    </figure>
  );
}

/**
 * What the hub read in a file that may identify someone: on an image, and on each page of a PDF that has
 * findings (rendered by the hub), outlined where it is (the areas to cover drawn black, those the
 * uploader keeps outlined), with a choice for each finding (cover it, or it identifies nobody) and areas
 * the uploader drags out on the picture to cover as well. The server burns the covered areas into a new
 * file; the original is never stored.
 */
export function FileFindings({
  file,
  findings,
  choice,
  onChange,
}: {
  file: File;
  findings: readonly FieldFinding[];
  choice: RedactionChoice;
  onChange: (choice: RedactionChoice) => void;
}) {
  const isImage = file.type.startsWith('image/');
  const isPdf = !isImage && isPdfFile(file);
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!isImage) return;
    const url = URL.createObjectURL(file);
    setSrc(url);
    return () => URL.revokeObjectURL(url);
  }, [file, isImage]);
  const pdfPages = isPdf
    ? [...new Set(findings.flatMap((f) => (f.boxes ?? []).map((b) => b.page)))].sort((a, b) => a - b)
    : [];

  const nobody = (f: FieldFinding) => choice.nobody.includes(findingKey(f));
  const setNobody = (f: FieldFinding, on: boolean) =>
    onChange({
      ...choice,
      nobody: [...choice.nobody.filter((k) => k !== findingKey(f)), ...(on ? [findingKey(f)] : [])],
    });

  return (
    <div className="file-findings">
      {isImage && src && (
        <figure>
          <PagePicture
            src={src}
            alt={`${file.name}: what may identify someone is outlined`}
            page={1}
            findings={findings}
            choice={choice}
            onChange={onChange}
          />
          <figcaption className="hint">
            Black areas will be covered in the stored copy. Drag on the picture to cover anything else.
          </figcaption>
        </figure>
      )}
      {pdfPages.map((page) => (
        <PdfPage key={page} file={file} page={page} findings={findings} choice={choice} onChange={onChange} />
      ))}
      {findings.map((f) => (
        <fieldset key={findingKey(f)} className="file-finding">
          <legend>{`“${f.text}” (${f.reason})`}</legend>
          <label className="checkbox">
            <input
              type="radio"
              name={`finding-${findingKey(f)}`}
              checked={!nobody(f)}
              onChange={() => setNobody(f, false)}
            />{' '}
            Cover it
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name={`finding-${findingKey(f)}`}
              checked={nobody(f)}
              onChange={() => setNobody(f, true)}
            />{' '}
            It identifies nobody
          </label>
        </fieldset>
      ))}
      {choice.drawn.length > 0 && (
        <ul className="file-findings-drawn" aria-label="Areas you drew">
          {choice.drawn.map((b, i) => (
            <li key={`${b.left}-${b.top}-${i}`}>
              {`Area ${i + 1}: ${b.width}×${b.height} pixels at ${b.left}, ${b.top}${isPdf ? ` on page ${b.page}` : ''}`}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => onChange({ ...choice, drawn: choice.drawn.filter((_, j) => j !== i) })}
              >
                Remove<span className="sr-only"> area {i + 1}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
