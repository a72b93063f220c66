import { FormError } from '../../../components/Status';
import { useAction } from '../../../lib/useAction';
import { updateProgram } from '../api/programs';

/** For the program's hosts: whether every member sees the other members' e-mail addresses (off by default). */
export function MemberEmailsSetting(props: { programId: string; visible: boolean; onChanged: () => void }) {
  const action = useAction();
  const change = (visible: boolean) =>
    action.run(async () => {
      await updateProgram(props.programId, { memberEmailsVisible: visible });
      props.onChanged();
    });
  return (
    <>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={props.visible}
          disabled={action.pending}
          onChange={(e) => void change(e.target.checked)}
        />{' '}
        Members see each other&apos;s e-mail addresses (hosts always do)
      </label>
      <FormError error={action.error} />
    </>
  );
}
