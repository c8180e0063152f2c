import { Button, Flex } from 'antd';
import { useState } from 'react';
import { Hint } from './hint';

/**
 * Page-by-page through a connection with the API's cursors (`first`/`after`): the cursors of the pages seen so far
 * are kept, so 上一页 goes back without counting offsets. A new `filterKey` starts again at page one.
 */
export function useCursorPages(filterKey: string) {
  const [state, setState] = useState<{ key: string; afters: (string | null)[] }>({ key: filterKey, afters: [null] });
  const afters = state.key === filterKey ? state.afters : [null];
  return {
    after: afters[afters.length - 1],
    page: afters.length,
    next: (endCursor: string | null | undefined) =>
      endCursor && setState({ key: filterKey, afters: [...afters, endCursor] }),
    previous: () => setState({ key: filterKey, afters: afters.slice(0, -1) }),
  };
}

export type CursorPages = ReturnType<typeof useCursorPages>;

interface PagerProps {
  pages: CursorPages;
  /** the `first` each page asks for, to count the pages */
  pageSize: number;
  totalCount: number | undefined;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
}

/** 共 N 条 · 第 p/q 页, with 上一页 and 下一页 buttons. */
export function CursorPager({ pages, pageSize, totalCount, pageInfo }: PagerProps) {
  const pageCount = Math.max(1, Math.ceil((totalCount ?? 0) / pageSize));
  return (
    <Flex justify="flex-end" align="center" gap={8} wrap style={{ marginTop: 12 }}>
      <Hint>
        共 {totalCount ?? 0} 条 · 第 {pages.page}/{pageCount} 页
      </Hint>
      <Button disabled={pages.page === 1} onClick={pages.previous}>
        上一页
      </Button>
      <Button disabled={!pageInfo?.hasNextPage || !pageInfo.endCursor} onClick={() => pages.next(pageInfo?.endCursor)}>
        下一页
      </Button>
    </Flex>
  );
}
