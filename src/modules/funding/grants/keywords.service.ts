// Coordinators keep the list of words that flag a grant as recovery work; every grant is
// checked again against the new list in the same transaction, so the flags never lag the list.
import type { Deps } from '../../../platform/deps.ts';
import * as grants from './grants.repository.ts';

export async function addFundingKeyword(deps: Pick<Deps, 'db'>, keyword: string, personId: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    await grants.addKeyword(tx, keyword, personId);
    await grants.flagByKeywords(tx);
  });
}

export async function removeFundingKeyword(deps: Pick<Deps, 'db'>, keyword: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    await grants.removeKeyword(tx, keyword);
    await grants.flagByKeywords(tx);
  });
}

/** The keywords, in order, for the keywords page. */
export function listFundingKeywords(deps: Pick<Deps, 'db'>): Promise<string[]> {
  return grants.listKeywords(deps.db);
}
