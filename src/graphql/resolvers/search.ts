import type { EntityKind } from '../../domain/ids.js';
import { searchFold } from '../../domain/search-text.js';
import { ValidationError } from '../../errors.js';
import { searchIndex } from '../../store/search.js';
import { MIN_SEARCH_LENGTH } from '../../store/search-items.js';
import type { Context } from '../context.js';
import type {
  CountryModel,
  EventModel,
  LeaderModel,
  MeetingModel,
  MilitaryDealModel,
  OrganizationModel,
  StatementModel,
} from '../models.js';
import { pageSize } from '../pagination.js';
import type { SearchKind } from '../resolvers-types.generated.js';

/** What a search returns: the index holds entries of these kinds only. */
type SearchHitModel = LeaderModel | CountryModel | OrganizationModel | MeetingModel | MilitaryDealModel | EventModel | StatementModel;

const KINDS: Record<SearchKind, EntityKind> = {
  LEADER: 'leader',
  COUNTRY: 'country',
  ORGANIZATION: 'organization',
  MEETING: 'meeting',
  MILITARY_DEAL: 'deal',
  EVENT: 'event',
  STATEMENT: 'statement',
};

/** `searchAll`: one Query on the search index, one BatchGetItem for the records of the page. */
export async function searchAll(
  ctx: Context,
  args: { text: string; kinds?: SearchKind[] | null; first?: number | null; after?: string | null },
) {
  if (args.text.length > 200) throw new ValidationError('text must be at most 200 characters', { path: 'text' });
  const folded = searchFold(args.text);
  if ([...folded].length < MIN_SEARCH_LENGTH) {
    throw new ValidationError(`text needs at least ${MIN_SEARCH_LENGTH} letters or digits`, { path: 'text' });
  }
  const kinds = args.kinds && args.kinds.length > 0 ? [...new Set(args.kinds.map((k) => KINDS[k]))] : undefined;
  const page = await searchIndex(ctx.db, { folded, ...(kinds ? { kinds } : {}), first: pageSize(args.first), after: args.after ?? null });
  const models = await ctx.loaders.entity.loadMany(page.hits.map((h) => h.ref));
  const edges = page.hits.flatMap((hit, i) => {
    const node = models[i];
    // A record deleted since the index was read is left out, as lists do.
    if (!node || node instanceof Error) return [];
    return [{ cursor: hit.cursor, node: node as SearchHitModel, field: hit.field, matched: hit.matched }];
  });
  // Pages go forward only: a page read after a cursor has one before it.
  const pageInfo = {
    hasNextPage: page.hasNextPage,
    endCursor: page.endCursor,
    hasPreviousPage: !!args.after,
    startCursor: edges[0]?.cursor ?? null,
  };
  return { edges, pageInfo };
}
