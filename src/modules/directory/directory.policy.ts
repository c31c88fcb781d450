// Who may change what in the directory. Pure and synchronous; deny by default. Reading the
// public directory needs no rule: public routes show only member organisations' public data.
import { orgRoleRule } from '../../platform/http/access.ts';
import { networkPolicy } from '../network/index.ts';

/** Edit the organisation's public profile, services, places and times: its leads. */
export const editOrgDirectory = orgRoleRule('directory.org.edit', ['lead']);

/** Review expressions of interest (ask, approve, decline): network coordinators. */
export const reviewApplications = networkPolicy.coordinateNetwork;

/** Keep the help-now numbers right and say when each was checked: network coordinators. */
export const editHelpLines = networkPolicy.coordinateNetwork;
