import { NavLink } from 'react-router-dom';

/** The admin area's two pages. */
export function AdminNav() {
  return (
    <nav aria-label="Admin" className="subnav">
      <NavLink to="/admin/users" end>
        Users
      </NavLink>
      <NavLink to="/admin/audit">Audit log</NavLink>
    </nav>
  );
}
