import { Button, Space, Typography } from 'antd';
import { useState } from 'react';

/**
 * Pages through a list by the API's cursors: the cursor each page started after is kept, so 上一页 goes back
 * without recounting and 下一页 follows `endCursor`. A change of `filterKey` (the filters as text) starts again at
 * the first page.
 */
export function useCursorPages(filterKey: string) {
  const [state, setState] = useState({ filterKey, starts: [null] as (string | null)[] });
  const starts = state.filterKey === filterKey ? state.starts : [null];
  if (state.filterKey !== filterKey) setState({ filterKey, starts });
  return {
    after: starts[starts.length - 1],
    page: starts.length,
    next: (endCursor: string) => setState({ filterKey, starts: [...starts, endCursor] }),
    previous: () => setState({ filterKey, starts: starts.slice(0, -1) }),
  };
}

export type CursorPages = ReturnType<typeof useCursorPages>;

interface PagerProps {
  pages: CursorPages;
  pageSize: number;
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null } | undefined;
}

/** 共 N 条 · 第 p/q 页 with 上一页 and 下一页 under a table. */
export function CursorPager({ pages, pageSize, totalCount, pageInfo }: PagerProps) {
  const pageCount = Math.max(1, Math.ceil(totalCount / pageSize));
  const endCursor = pageInfo?.endCursor;
  return (
    <Space wrap style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }}>
      <Typography.Text>
        共 {totalCount} 条 · 第 {pages.page}/{pageCount} 页
      </Typography.Text>
      <Button disabled={pages.page === 1} onClick={pages.previous}>
        上一页
      </Button>
      <Button disabled={!pageInfo?.hasNextPage || !endCursor} onClick={() => endCursor && pages.next(endCursor)}>
        下一页
      </Button>
    </Space>
  );
}
