import type { BotDeps, ResidentMessage } from '../context';
import type { ListKind } from '../paged-lists';

/** Items per message: five fit on a phone screen with their phone and address. */
export const PAGE_SIZE = 5;

/** One page of a list, as the hub gave it. */
export interface Page<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * Sends one page of a numbered list (numbering continues across pages) and remembers where the resident is in it,
 * so that 更多 shows the next page. `shownBefore` items were on earlier pages.
 */
export async function replyPage<T>(
  deps: BotDeps,
  event: ResidentMessage,
  list: { kind: ListKind; query: Record<string, unknown>; heading: string; shownBefore: number },
  page: Page<T>,
  item: (node: T, position: number) => string,
): Promise<void> {
  const first = list.shownBefore + 1;
  const last = list.shownBefore + page.nodes.length;
  const { totalCount: total, pageInfo } = page;
  const more = pageInfo.hasNextPage && last < total;
  await deps.state.lists.save(
    event.talker.id,
    event.room?.id ?? '',
    { kind: list.kind, query: list.query, shown: last, total, cursor: more ? (pageInfo.endCursor ?? null) : null },
    deps.clock.now(),
  );
  const range = total > page.nodes.length ? `第 ${first}–${last} 项,共 ${total} 项` : `共 ${total} 项`;
  const footer = more
    ? `还有 ${total - last} 项,回复「更多」接着看。`
    : list.shownBefore > 0
      ? '已经全部列出,没有更多了。'
      : undefined;
  event.reply(
    [`${list.heading}(${range}):`, ...page.nodes.map((node, i) => item(node, first + i)), footer]
      .filter((line) => line !== undefined)
      .join('\n'),
  );
}
