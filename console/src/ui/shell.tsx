import {
  AuditOutlined,
  BankOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  MenuOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { AccountMenu } from './account-menu';
import { CONSOLE_ROLES, useViewer } from './viewer';

interface Entry {
  path: string;
  label: string;
  icon: React.ReactNode;
  roles: readonly string[];
}

const ALL = CONSOLE_ROLES;
const ENTRIES: Entry[] = [
  { path: '/dashboard', label: '数据看板', icon: <DashboardOutlined />, roles: ALL },
  { path: '/needs', label: '需求工作台', icon: <SolutionOutlined />, roles: ['STAFF', 'ADMIN'] },
  { path: '/hours', label: '志愿服务时长', icon: <ClockCircleOutlined />, roles: ['STAFF', 'ADMIN'] },
  { path: '/projects', label: '项目申报', icon: <FileDoneOutlined />, roles: ALL },
  { path: '/registries', label: '登记管理', icon: <BankOutlined />, roles: ALL },
  { path: '/admin/accounts', label: '账号管理', icon: <TeamOutlined />, roles: ['ADMIN'] },
  { path: '/admin/audit', label: '审计日志', icon: <AuditOutlined />, roles: ['ADMIN'] },
];

/**
 * The frame of every signed-in page: the menu of what this account may use (a drawer on a phone), the account
 * menu, and the page. Anyone not signed in with a console role is sent to sign in.
 */
export function Shell() {
  const { viewer } = useViewer();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  if (!(CONSOLE_ROLES as readonly string[]).includes(viewer.role)) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  }
  const entries = ENTRIES.filter((entry) => entry.roles.includes(viewer.role));
  const selected = entries.find((entry) => location.pathname.startsWith(entry.path))?.path;
  const items: MenuProps['items'] = entries.map((entry) => ({ key: entry.path, label: entry.label, icon: entry.icon }));
  const menu = (
    <Menu
      mode="inline"
      aria-label="主菜单"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
    />
  );
  const wide = screens.lg ?? true;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide && (
        <Layout.Sider theme="light" width={200} style={{ borderRight: '1px solid #f0f0f0' }}>
          <Typography.Title level={1} style={{ fontSize: 18, margin: 16 }}>
            五社联动工作台
          </Typography.Title>
          <nav aria-label="主导航">{menu}</nav>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {!wide && (
            <>
              <Button type="text" icon={<MenuOutlined />} aria-label="打开菜单" onClick={() => setDrawerOpen(true)} />
              <Typography.Text strong>五社联动工作台</Typography.Text>
            </>
          )}
          <div style={{ marginLeft: 'auto' }}>
            <AccountMenu />
          </div>
        </Layout.Header>
        <Layout.Content style={{ padding: wide ? 24 : 12, minWidth: 0 }}>
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
      {!wide && (
        <Drawer
          title="五社联动工作台"
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
        >
          <nav aria-label="主导航">{menu}</nav>
        </Drawer>
      )}
    </Layout>
  );
}
