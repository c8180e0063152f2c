import { ConfigProvider } from 'antd';
import { Route, Routes } from 'react-router';
import { NeedPage } from './need-page';
import { NeedQueue } from './queue';

/** 需求工作台: the region's queue of needs and each need's page. */
export function NeedsPage() {
  return (
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <Routes>
        <Route index element={<NeedQueue />} />
        <Route path=":id" element={<NeedPage />} />
      </Routes>
    </ConfigProvider>
  );
}
