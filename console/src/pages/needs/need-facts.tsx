import { Descriptions, Rate, Space, Typography } from 'antd';
import { CATEGORY_LABEL, labelOf, NEED_STATUS_LABEL, URGENCY_LABEL } from '../../ui/labels';
import { READABLE_DANGER } from '../../ui/contrast';
import { StatusTag } from '../../ui/status-tag';
import { formatTime, overdueText } from './format';
import type { DetailNeed } from './handler-options';
import { handlerName } from './need-history';

/** What the need is: its number, kind, place, times, the resident's words and how they rated the service. */
export function NeedFacts({ need }: { need: DetailNeed }) {
  return (
    <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3 }}>
      <Descriptions.Item label="编号">{need.number}</Descriptions.Item>
      <Descriptions.Item label="状态">{labelOf(NEED_STATUS_LABEL, need.status)}</Descriptions.Item>
      <Descriptions.Item label="类别">{labelOf(CATEGORY_LABEL, need.category)}</Descriptions.Item>
      <Descriptions.Item label="紧急程度">{labelOf(URGENCY_LABEL, need.urgency)}</Descriptions.Item>
      <Descriptions.Item label="社区">{need.community?.name ?? need.communityId}</Descriptions.Item>
      <Descriptions.Item label="提交时间">{formatTime(need.submittedAt)}</Descriptions.Item>
      <Descriptions.Item label="办理时限">
        <Space size={4} wrap>
          <Typography.Text style={need.overdue ? { color: READABLE_DANGER } : undefined}>
            {formatTime(need.dueAt)}
          </Typography.Text>
          {need.overdue && <StatusTag tone="bad">{overdueText(need.dueAt)}</StatusTag>}
        </Space>
      </Descriptions.Item>
      {need.resolvedAt && <Descriptions.Item label="解决时间">{formatTime(need.resolvedAt)}</Descriptions.Item>}
      <Descriptions.Item label="联系电话">{need.contactPhone ?? '居民未留电话'}</Descriptions.Item>
      <Descriptions.Item label="当前承接方">
        {need.assignment ? handlerName(need.assignment) : '尚未指派'}
      </Descriptions.Item>
      <Descriptions.Item label="居民评价">
        {need.rating ? <Rate disabled value={need.rating} aria-label={`评分 ${need.rating} 分`} /> : '尚未评价'}
      </Descriptions.Item>
      {need.rejectReason && <Descriptions.Item label="驳回原因">{need.rejectReason}</Descriptions.Item>}
      <Descriptions.Item label="需求描述" span="filled">
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{need.description}</Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );
}
