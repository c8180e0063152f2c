import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useMemo } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { createHubClient } from './client';
import { AdminPage } from './pages/admin';
import { DashboardPage } from './pages/dashboard';
import { HoursPage } from './pages/hours';
import { NeedsPage } from './pages/needs';
import { ProjectsPage } from './pages/projects';
import { RegistriesPage } from './pages/registries';
import { SignInPage } from './pages/sign-in';
import { Shell } from './ui/shell';
import { RequireRole, ViewerProvider } from './ui/viewer';

dayjs.locale('zh-cn');

/**
 * antd's default link blue, error red and grey secondary and placeholder text fall below the 4.5:1 contrast older staff need (and
 * axe-core asks for); these keep the look and pass on white and on the page's grey.
 */
const CONSOLE_THEME = {
  colorPrimary: '#b71c1c',
  colorLink: '#0958d9',
  colorError: '#cf1322',
  colorTextSecondary: '#595959',
  colorTextTertiary: '#595959',
  colorTextPlaceholder: '#6b6b6b',
  colorTextDescription: '#595959',
};

/** The staff console: one route per page, each shown only to the roles that may use it. */
export function App() {
  const client = useMemo(createHubClient, []);
  return (
    <ConfigProvider locale={zhCN} theme={{ token: CONSOLE_THEME }}>
      <AntApp>
        <Provider value={client}>
          <BrowserRouter basename="/console">
            <ViewerProvider>
              <Routes>
                <Route path="sign-in/*" element={<SignInPage />} />
                <Route element={<Shell />}>
                  <Route index element={<Navigate to="dashboard" replace />} />
                  <Route path="dashboard/*" element={<DashboardPage />} />
                  <Route path="needs/*" element={<RequireRole roles={['STAFF', 'ADMIN']} element={<NeedsPage />} />} />
                  <Route path="hours/*" element={<RequireRole roles={['STAFF', 'ADMIN']} element={<HoursPage />} />} />
                  <Route path="projects/*" element={<ProjectsPage />} />
                  <Route path="registries/*" element={<RegistriesPage />} />
                  <Route path="admin/*" element={<RequireRole roles={['ADMIN']} element={<AdminPage />} />} />
                  <Route path="*" element={<Navigate to="dashboard" replace />} />
                </Route>
              </Routes>
            </ViewerProvider>
          </BrowserRouter>
        </Provider>
      </AntApp>
    </ConfigProvider>
  );
}
