import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Result, Row, Space, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { NeedDetailDocument } from '../../generated/operations';
import { errorText } from '../../ui/errors';
import { AssignForm } from './assign-form';
import { CandidateLists } from './candidates';
import { ContributionForm, ContributionList } from './contributions';
import { NeedFacts } from './need-facts';
import { NeedHistory } from './need-history';
import { TransitionButtons } from './transitions';

const BACK = (
  <Link to="..">
    <Button icon={<ArrowLeftOutlined />}>返回需求列表</Button>
  </Link>
);

/**
 * One need: its facts, history and candidates, and what this account may do to it now. The need's number is public
 * but its record is the resident's: whoever the hub does not let read the description is turned away here.
 */
export function NeedPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: NeedDetailDocument, variables: { id } });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const need = data?.need;
  if (!need) {
    if (fetching) return <Spin tip="正在加载…" fullscreen />;
    if (error) return <Result status="error" title="需求加载失败" subTitle={errorText(error)} extra={BACK} />;
    return <Result status="404" title="没有找到该需求" subTitle="编号可能有误,请返回列表重新查找。" extra={BACK} />;
  }
  if (need.description === null) {
    return <Result status="403" title="无权查看该需求" subTitle="该需求不在您所辖的区域内。" extra={BACK} />;
  }
  const allowed = new Set<string>(need.allowedTransitions);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Link to="..">
          <Button icon={<ArrowLeftOutlined />} aria-label="返回需求列表" />
        </Link>
        <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
          需求 {need.number}
        </Typography.Title>
      </Space>
      <TransitionButtons need={need} refresh={refresh} />
      <NeedFacts need={need} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title="办理记录" size="small">
            <NeedHistory events={need.history} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="联动贡献" size="small">
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              {need.linkageCase ? (
                <ContributionList need={need} />
              ) : (
                <Typography.Text type="secondary">匹配后开启联动案例,再记录各方贡献。</Typography.Text>
              )}
              {allowed.has('ADD_CONTRIBUTION') && <ContributionForm need={need} refresh={refresh} />}
            </Space>
          </Card>
        </Col>
      </Row>
      {allowed.has('ASSIGN') && (
        <Card title="指派承接方" size="small">
          <AssignForm need={need} refresh={refresh} />
        </Card>
      )}
      <Card title="候选服务力量(按得分排序)" size="small">
        <CandidateLists need={need} />
      </Card>
    </Space>
  );
}
