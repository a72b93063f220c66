import type { UserDto } from '@echo-hub/protocol';
import { type FocusEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../lib/auth';

/** The signed-in person's name as a disclosure button revealing "Change password" and "Sign out". */
export function AccountMenu({ user }: { user: UserDto }) {
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      setOpen(false);
      button.current?.focus();
    }
  };
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false);
  };
  const onSignOut = async () => {
    setOpen(false);
    await signOut();
    navigate('/');
  };

  return (
    <div className="account-menu" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className="account-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {user.displayName} <span aria-hidden="true">▾</span>
      </button>
      <ul id={id} className="account-panel" hidden={!open}>
        <li className="account-email">{user.email}</li>
        <li>
          <Link to="/account" onClick={() => setOpen(false)}>
            Change password
          </Link>
        </li>
        <li>
          <button type="button" className="link-button" onClick={() => void onSignOut()}>
            Sign out
          </button>
        </li>
      </ul>
    </div>
  );
}
