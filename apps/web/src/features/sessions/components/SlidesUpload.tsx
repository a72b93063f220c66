import type { AgendaItemDto } from '@echo-hub/protocol';
import { type ChangeEvent, useState } from 'react';
import { Field } from '../../../components/Field';
import { errorText } from '../../../lib/errors';
import { useAction } from '../../../lib/useAction';
import { uploadSlides } from '../api/sessions';
import { SlidesLink } from '../../../components/SlidesLink';
import { UploadProgress, useUpload } from '../../../components/UploadProgress';

interface SlidesUploadProps {
  sessionId: string;
  item: AgendaItemDto;
  /** "Slot 2", so every file input has its own name. */
  slotLabel: string;
  /** Uploads go to saved items only, so not while the agenda has unsaved changes. */
  disabled: boolean;
  onUploaded: (item: AgendaItemDto) => void;
}

export function SlidesUpload({ sessionId, item, slotLabel, disabled, onUploaded }: SlidesUploadProps) {
  const action = useAction();
  const [uploaded, setUploaded] = useState('');
  const upload = useUpload();

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setUploaded('');
    void action.run(async () => {
      const updated = await upload.send(file, (onProgress, signal) =>
        uploadSlides(sessionId, item.id, file, onProgress, signal),
      );
      if (!updated) return; // the slot is gone: nothing to show
      input.value = '';
      onUploaded(updated);
      setUploaded(`Uploaded ${updated.slides?.name ?? file.name}.`);
    });
  };

  return (
    <div className="slides">
      <Field
        label={
          <>
            <span className="sr-only">{slotLabel} </span>Slides
          </>
        }
        hint={disabled ? 'Save the agenda first to upload slides.' : 'A PDF or presentation file.'}
        error={action.error ? [errorText(action.error)] : undefined}
      >
        {(p) => (
          <input
            {...p}
            type="file"
            accept=".pdf,.ppt,.pptx,.odp,.key,application/pdf"
            disabled={disabled || action.pending}
            onChange={onChange}
          />
        )}
      </Field>
      <p role="status" className="hint">
        {action.pending ? 'Uploading…' : `${uploaded}${upload.removed && ` ${upload.removed}.`}`}
      </p>
      {upload.sending && <UploadProgress {...upload.sending} />}
      {item.slides && (
        <p>
          Current slides: <SlidesLink url={item.slides.url} name={item.slides.name} />
        </p>
      )}
    </div>
  );
}
