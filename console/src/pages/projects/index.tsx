import { Typography } from 'antd';
import { Route, Routes } from 'react-router';
import { ProjectTrace } from './project-trace';
import { RoundApplications } from './round-applications';
import { RoundList } from './round-list';

/** 项目申报: rounds and their quota, a round's applications with review and approval, and a project's trace. */
export function ProjectsPage() {
  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        项目申报
      </Typography.Title>
      <Routes>
        <Route index element={<RoundList />} />
        <Route path="rounds/:roundId" element={<RoundApplications />} />
        <Route path="applications/:projectId" element={<ProjectTrace />} />
      </Routes>
    </>
  );
}
