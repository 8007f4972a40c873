import { responseLinks } from '../../domain/response-links.js';
import { LISTS } from '../../store/list-model.js';
import { queryList } from '../../store/lists.js';
import type { Context } from '../context.js';
import type { EventLinkModel, EventModel } from '../models.js';
import { MAX_PAGE_SIZE } from '../pagination.js';

/**
 * The events that answered `eventId`, each as the link the answering event holds (its
 * confidence, claimant and citations) with `event` the answering event: one Query on the
 * event's responses list, one batch of loads.
 */
export async function reverseLinks(ctx: Context, eventId: string): Promise<EventLinkModel[]> {
  const page = await queryList(ctx.db, { lists: [LISTS.responsesTo(eventId)], descending: true }, { first: MAX_PAGE_SIZE });
  const events = await ctx.loaders.entity.loadMany(page.entries.map((e) => e.ref));
  return events.flatMap((event) => {
    if (!event || event instanceof Error || event.type !== 'event') return [];
    const link = responseLinks(event as EventModel).find((l) => l.event === eventId);
    return link ? [{ ...link, event: event as EventModel }] : [];
  });
}
