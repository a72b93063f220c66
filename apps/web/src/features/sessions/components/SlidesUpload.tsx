import type { AgendaItemDto } from '@echo-hub/protocol';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { Field } from '../../../components/Field';
import { errorText } from '../../../lib/errors';
import { useAction } from '../../../lib/useAction';
import { uploadSlides } from '../api/sessions';
import { SlidesLink } from '../../../components/SlidesLink';
import { type Sending, UploadProgress } from '../../../components/UploadProgress';

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
  const [sending, setSending] = useState<Sending | null>(null);
  /** The upload under way, aborted if the slot goes away. */
  const uploading = useRef<AbortController | null>(null);
  useEffect(() => () => uploading.current?.abort(), []);

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setUploaded('');
    void action.run(async () => {
      const controller = new AbortController();
      uploading.current = controller;
      setSending({ name: file.name, loaded: 0, total: file.size });
      let updated: AgendaItemDto;
      try {
        updated = await uploadSlides(
          sessionId,
          item.id,
          file,
          (p) => setSending({ name: file.name, ...p }),
          controller.signal,
        );
      } catch (e) {
        if (controller.signal.aborted) return; // the slot is gone: nothing to show
        setSending(null);
        throw e;
      }
      setSending(null);
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
        {action.pending ? 'Uploading…' : uploaded}
      </p>
      {sending && <UploadProgress {...sending} />}
      {item.slides && (
        <p>
          Current slides: <SlidesLink url={item.slides.url} name={item.slides.name} />
        </p>
      )}
    </div>
  );
}
