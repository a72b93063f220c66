import { ErrorAlert } from '../../../components/Status';
import { useAction } from '../../../lib/useAction';
import { downloadRecommendationsPdf } from '../api/cases';

/** Downloads the written recommendations as a PDF (fetched with the bearer token). */
export function DownloadPdfButton({ caseId }: { caseId: string }) {
  const action = useAction();
  return (
    <div>
      <button
        type="button"
        className="button"
        disabled={action.pending}
        onClick={() => void action.run(() => downloadRecommendationsPdf(caseId))}
      >
        Download recommendations (PDF)
      </button>
      {action.error && <ErrorAlert error={action.error} />}
    </div>
  );
}
