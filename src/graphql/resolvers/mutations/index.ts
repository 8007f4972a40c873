import { dealLinkMutations } from './deal-links.js';
import { dealMutations } from './deals.js';
import { eventMutations } from './events.js';
import { leaderMutations } from './leaders.js';
import { meetingMutations } from './meetings.js';
import { organizationMutations } from './organizations.js';
import { sourceMutations } from './sources.js';
import { statementMutations } from './statements.js';
import { syncMutations } from './sync.js';

/** The editors' mutations, one group per kind of record. */
export const mutations = {
  ...leaderMutations,
  ...organizationMutations,
  ...sourceMutations,
  ...meetingMutations,
  ...dealMutations,
  ...dealLinkMutations,
  ...eventMutations,
  ...statementMutations,
  ...syncMutations,
};
