import type { Context } from '../../context.js';
import { type DeleteArgs, deleteRecord, readableId, type UpsertArgs, upsertRecord } from './records.js';

interface OrganizationInput {
  id?: string | null;
  name: string;
  [field: string]: unknown;
}

/** Creating, correcting and deleting organisations. */
export const organizationMutations = {
  upsertOrganization: (_: unknown, args: UpsertArgs<OrganizationInput>, ctx: Context) =>
    upsertRecord(ctx, 'organization', args, (input) => readableId('organization', [input.name], 'input.name')),
  deleteOrganization: (_: unknown, args: DeleteArgs, ctx: Context) => deleteRecord(ctx, 'organization', args),
};
