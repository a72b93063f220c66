import { NavLink, Outlet } from 'react-router-dom';

export function AppLayout() {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand">
          ECHO Hub
        </NavLink>
        <nav aria-label="Main">
          <NavLink to="/">Home</NavLink>
        </nav>
      </header>
      <main id="main" className="content">
        <Outlet />
      </main>
      <footer className="footer">All teach, all learn. Case discussions stay de-identified.</footer>
    </div>
  );
}
