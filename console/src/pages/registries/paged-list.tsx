import { Alert, Table, Typography, type TableProps } from 'antd';
import type { AnyVariables, CombinedError, TypedDocumentNode } from 'urql';
import { useQuery } from 'urql';
import { CursorPager, useCursorPages, type CursorPages } from '../../ui/cursor-pages';
import { errorText } from '../../ui/errors';
import { PAGE_SIZE } from './scope';

interface Connection<Node> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Node[];
}

/** One page of a registry list for `filter`, paged by cursor; `refresh` asks the hub again after a change. */
export function usePagedList<Data, Filter, Node>(
  query: TypedDocumentNode<Data, { first: number; after?: string | null; filter?: Filter | null }>,
  filter: Filter,
  connection: (data: Data) => Connection<Node>,
) {
  const pages = useCursorPages(JSON.stringify(filter));
  const [{ data, fetching, error }, reexecute] = useQuery<Data, AnyVariables>({
    query,
    variables: { first: PAGE_SIZE, after: pages.after, filter },
  });
  return {
    list: data ? connection(data) : undefined,
    fetching,
    error,
    pages,
    refresh: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

/** What to do when a list is empty, in the body text's colour (antd's faint grey is too pale to read easily). */
export const EmptyText = ({ text }: { text: string }) => <Typography.Text>{text}</Typography.Text>;

interface PagedTableProps<Node> extends Omit<TableProps<Node>, 'dataSource' | 'pagination'> {
  list: Connection<Node> | undefined;
  fetching: boolean;
  error: CombinedError | undefined;
  pages: CursorPages;
  /** what to do when the list is empty */
  emptyText: string;
}

/** A registry table: scrolls sideways on a phone, pages by the API's cursors, says what to do when empty. */
export function PagedTable<Node extends { id: string }>({
  list,
  fetching,
  error,
  pages,
  emptyText,
  ...table
}: PagedTableProps<Node>) {
  return (
    <>
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
      <Table<Node>
        rowKey="id"
        size="middle"
        scroll={{ x: 'max-content' }}
        loading={fetching}
        dataSource={list?.nodes ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyText text={emptyText} /> }}
        {...table}
      />
      {list && <CursorPager pages={pages} pageSize={PAGE_SIZE} totalCount={list.totalCount} pageInfo={list.pageInfo} />}
    </>
  );
}
