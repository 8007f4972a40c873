import { isIdOf } from '../../../domain/ids.js';
import type { DealRecord } from '../../../domain/records.js';
import { NotFoundError, ValidationError } from '../../../errors.js';
import { type LinkDecision, putLinkDecision } from '../../../store/deal-links.js';
import { getEntity, writeEntity } from '../../../store/entities.js';
import { isRegisterDeal } from '../../../store/index-items.js';
import { requireEditor } from '../../auth.js';
import type { Context } from '../../context.js';
import { type Model, toModel } from '../../models.js';

interface LinkArgs {
  deal: string;
  sourceRecord: string;
}

async function liveDeal(ctx: Context, id: string, field: string): Promise<{ record: DealRecord; version: number }> {
  if (!isIdOf(id, ['deal'])) throw new ValidationError(`${field} must be the id of a deal (deal:…)`, { path: field });
  const stored = await getEntity(ctx.db, id, true);
  if (!stored || stored.deleted || stored.record.type !== 'deal') throw new NotFoundError(`${field}: ${id} is not in the knowledge base`);
  return { record: stored.record, version: stored.version };
}

/**
 * Records an editor's decision on a (curated deal, register record) pair, then makes the
 * register record say it: `sameAs` set or cleared, with a write conditional on the version
 * read. The decision is stored first, so a sync that runs in between keeps to it.
 */
async function decide(ctx: Context, args: LinkArgs, state: LinkDecision): Promise<Model> {
  const key = requireEditor(ctx.caller);
  const curated = await liveDeal(ctx, args.deal, 'deal');
  const register = await liveDeal(ctx, args.sourceRecord, 'sourceRecord');
  if (!isRegisterDeal(register.record.id)) {
    throw new ValidationError('sourceRecord must be a register record (deal:sipri-…)', { path: 'sourceRecord' });
  }
  if (isRegisterDeal(curated.record.id)) throw new ValidationError('deal must not be a register record', { path: 'deal' });
  await putLinkDecision(ctx.db, register.record.id, curated.record.id, state, `editor:${key.name}`);
  const { sameAs, ...rest } = register.record;
  const next: DealRecord | null =
    state === 'linked'
      ? sameAs === curated.record.id
        ? null
        : { ...rest, sameAs: curated.record.id }
      : sameAs === curated.record.id
        ? rest
        : null;
  if (next) await writeEntity(ctx.db, next, { actor: `editor:${key.name}`, expectedVersion: register.version });
  ctx.loaders.entity.clearAll();
  return toModel(await getEntity(ctx.db, curated.record.id, true)) as Model;
}

/** Linking and unlinking deals of different sources that describe one transfer. */
export const dealLinkMutations = {
  linkDeals: (_: unknown, args: LinkArgs, ctx: Context) => decide(ctx, args, 'linked'),
  unlinkDeals: (_: unknown, args: LinkArgs, ctx: Context) => decide(ctx, args, 'unlinked'),
};
