import { Button, Space, Typography } from 'antd';
import { useState } from 'react';

/**
 * Paging that follows the API's cursors (`first`/`after`): the cursors of the pages already seen, so 上一页 goes back
 * without the API offering `before`. A change of `resetKey` (the filters) starts again at the first page.
 */
export function useCursorPages(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({ key: resetKey, cursors: [null] });
  const cursors = state.key === resetKey ? state.cursors : [null];
  return {
    after: cursors[cursors.length - 1] ?? null,
    pageNumber: cursors.length,
    next: (endCursor: string) => setState({ key: resetKey, cursors: [...cursors, endCursor] }),
    previous: () => setState({ key: resetKey, cursors: cursors.slice(0, -1) }),
  };
}

interface CursorPagerProps {
  pages: ReturnType<typeof useCursorPages>;
  pageSize: number;
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null | undefined;
}

/** 上一页 / 下一页 with where the page is in the whole list. */
export function CursorPager({ pages, pageSize, totalCount, hasNextPage, endCursor }: CursorPagerProps) {
  const pageCount = Math.max(1, Math.ceil(totalCount / pageSize));
  return (
    <Space wrap style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }}>
      <Typography.Text type="secondary">
        共 {totalCount} 条 · 第 {pages.pageNumber}/{pageCount} 页
      </Typography.Text>
      <Button disabled={pages.pageNumber <= 1} onClick={pages.previous}>
        上一页
      </Button>
      <Button disabled={!hasNextPage || !endCursor} onClick={() => endCursor && pages.next(endCursor)}>
        下一页
      </Button>
    </Space>
  );
}
