import { Empty, Timeline, Typography } from 'antd';
import type { NeedEventFieldsFragment } from '../../generated/operations';
import { HANDLER_KIND_LABEL, labelOf, NEED_STATUS_LABEL } from '../../ui/labels';
import { formatTime } from './format';
import { accountLabel } from './handler-options';

/**
 * The name of an assignment's handler, whichever society it belongs to; an assignment without a society went to
 * a STAFF account, whose name the hub may keep from staff of other regions.
 */
export function handlerName(event: NeedEventFieldsFragment): string {
  const kind = labelOf(HANDLER_KIND_LABEL, event.handlerSociety ?? 'STAFF');
  if (event.handlerAccount) return `${kind} ${accountLabel(event.handlerAccount)}`;
  const handler =
    event.handlerStation ?? event.handlerOrganization ?? event.handlerSocialWorker ?? event.handlerVolunteerTeam;
  return `${kind} ${handler?.name ?? event.handlerId ?? ''}`.trim();
}

function describe(event: NeedEventFieldsFragment): string {
  if (event.kind === 'ASSIGNMENT') {
    const appointment = event.appointmentAt ? `,预约 ${formatTime(event.appointmentAt)}` : '';
    return `指派给 ${handlerName(event)}${appointment}`;
  }
  if (!event.fromStatus) return '提交需求';
  return `${labelOf(NEED_STATUS_LABEL, event.fromStatus)} → ${labelOf(NEED_STATUS_LABEL, event.toStatus)}`;
}

/** Who changed what and when, oldest first, with the reason of a rejection. */
export function NeedHistory({ events }: { events: readonly NeedEventFieldsFragment[] }) {
  if (events.length === 0) return <Empty description="暂无办理记录" />;
  return (
    <Timeline
      items={events.map((event) => ({
        key: event.seq,
        color: event.kind === 'ASSIGNMENT' ? 'blue' : event.toStatus === 'REJECTED' ? 'red' : 'green',
        children: (
          <>
            <Typography.Text strong>{describe(event)}</Typography.Text>
            <br />
            <Typography.Text type="secondary">
              {formatTime(event.at)} · {event.actor ?? '系统'}
            </Typography.Text>
            {event.reason && (
              <>
                <br />
                <Typography.Text>原因:{event.reason}</Typography.Text>
              </>
            )}
          </>
        ),
      }))}
    />
  );
}
