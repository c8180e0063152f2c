import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';

export interface CursorPages {
  /** The cursor to ask the API for (undefined on the first page). */
  after: string | undefined;
  pageNumber: number;
  next(endCursor: string): void;
  previous(): void;
  /** Back to the first page, e.g. when a filter changes. */
  reset(): void;
}

/**
 * Pages through a Relay connection by its cursors (`first`/`after`): the API gives no page numbers, so the cursors
 * of the pages already seen are kept to go back.
 */
export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return {
    after: cursors[cursors.length - 1],
    pageNumber: cursors.length,
    next: (endCursor) => setCursors((seen) => [...seen, endCursor]),
    previous: () => setCursors((seen) => (seen.length > 1 ? seen.slice(0, -1) : seen)),
    reset: () => setCursors([undefined]),
  };
}

interface PagerProps {
  pages: CursorPages;
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
  /** What is counted, e.g. 条记录. */
  unit: string;
}

/** 共 N 条 · 第 k 页 with 上一页 / 下一页 buttons under a table. */
export function CursorPager({ pages, totalCount, pageInfo, unit }: PagerProps) {
  const endCursor = pageInfo?.hasNextPage ? pageInfo.endCursor : null;
  return (
    <Flex justify="flex-end" align="center" gap={8} wrap style={{ marginTop: 12 }}>
      <Typography.Text>
        共 {totalCount} {unit} · 第 {pages.pageNumber} 页
      </Typography.Text>
      <Button size="small" disabled={pages.pageNumber === 1} onClick={pages.previous}>
        上一页
      </Button>
      <Button size="small" disabled={!endCursor} onClick={() => endCursor && pages.next(endCursor)}>
        下一页
      </Button>
    </Flex>
  );
}
