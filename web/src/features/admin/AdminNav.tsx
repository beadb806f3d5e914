import { useLingui } from '@lingui/react/macro';
import { NavLink } from 'react-router';
import '../staff/staff.css';
import './admin.css';

/** The admin pages, one link each; the current one is marked for screen readers too. */
export function AdminNav() {
  const { t } = useLingui();
  return (
    <nav className="admin-nav" aria-label={t`Administration`}>
      <NavLink to="/admin/staff">{t`Staff accounts`}</NavLink>
      <NavLink to="/admin/audit">{t`Audit log`}</NavLink>
      <NavLink to="/admin/notifications">{t`Notifications`}</NavLink>
    </nav>
  );
}
