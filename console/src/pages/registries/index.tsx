import { Tabs, Typography } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { CharityTab } from './charity';
import { OrganizationsTab } from './organizations';
import { ServicesTab } from './services';
import { SocialWorkersTab } from './social-workers';
import { StationsTab } from './stations';

const TABS = [
  { key: 'organizations', label: '社会组织', element: <OrganizationsTab /> },
  { key: 'services', label: '服务', element: <ServicesTab /> },
  { key: 'stations', label: '服务站点', element: <StationsTab /> },
  { key: 'social-workers', label: '社会工作者', element: <SocialWorkersTab /> },
  { key: 'charity', label: '慈善资源', element: <CharityTab /> },
];

/** 登记管理: one tab per register, each its own address (registries/organizations …) so it can be bookmarked. */
export function RegistriesPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const active = TABS.find((tab) => location.pathname.includes(`/registries/${tab.key}`))?.key;
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
        登记管理
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/registries/${key}`)}
        items={TABS.map(({ key, label }) => ({ key, label }))}
      />
      <Routes>
        {TABS.map((tab) => (
          <Route key={tab.key} path={`${tab.key}/*`} element={tab.element} />
        ))}
        <Route path="*" element={<Navigate to="organizations" replace />} />
      </Routes>
    </>
  );
}
