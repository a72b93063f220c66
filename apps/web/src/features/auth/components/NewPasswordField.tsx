import { PASSWORD_MIN_LENGTH } from '@echo-hub/protocol';
import { Field } from '../../../components/Field';
import { PASSWORD_HINT } from '../password';

/** A password being chosen (sign-up, reset, change): the length rule shown and checked by the browser. */
export function NewPasswordField({ name, label, error }: { name: string; label: string; error?: string[] }) {
  return (
    <Field label={label} hint={PASSWORD_HINT} error={error}>
      {(p) => (
        <input
          {...p}
          name={name}
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          required
        />
      )}
    </Field>
  );
}
