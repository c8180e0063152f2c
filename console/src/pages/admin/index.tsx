import { Navigate, Route, Routes } from 'react-router';
import { AccountsPage } from './accounts-page';
import { AuditPage } from './audit-page';

/** ADMIN only (the app's route checks the role): accounts and the audit log. */
export function AdminPage() {
  return (
    <Routes>
      <Route path="accounts" element={<AccountsPage />} />
      <Route path="audit" element={<AuditPage />} />
      <Route path="*" element={<Navigate to="accounts" replace />} />
    </Routes>
  );
}
