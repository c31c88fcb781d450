// Making, listing and revoking read-only API tokens, for an organisation (its lead) or for the
// network (a coordinator). A token is shown once, when it is made; only its hash is stored.
import type { SignedInActor } from '../../platform/auth/actor.ts';
import { newApiToken } from '../../platform/auth/api-tokens.ts';
import { hashToken } from '../../platform/auth/tokens.ts';
import { recordAudit } from '../../platform/audit.repository.ts';
import type { Deps } from '../../platform/deps.ts';
import type { OrgTarget } from '../../platform/http/access.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import * as repo from './tokens.repository.ts';
import type { TokenScope } from './tokens.repository.ts';
import type { NewTokenInput } from './tokens.schemas.ts';

/** Whose tokens: an organisation's, or the network's own. */
export type TokenOwner = { kind: 'org'; org: OrgTarget } | { kind: 'network' };

const orgIdOf = (owner: TokenOwner) => (owner.kind === 'org' ? owner.org.id : null);

/** The scopes an owner may give: an organisation its own data, the network its aggregates; both public. */
export function scopesFor(owner: TokenOwner): readonly TokenScope[] {
  return owner.kind === 'org' ? ['public', 'org'] : ['public', 'network'];
}

export interface TokenListItem {
  id: string;
  name: string;
  scope: TokenScope;
  createdAt: Date;
  createdBy: string | null;
  expiresAt: Date;
  lastUsedAt: Date | null;
  status: 'active' | 'expired' | 'revoked';
  revokedAt: Date | null;
}

export interface ApiTokensPage {
  owner: TokenOwner;
  scopes: readonly TokenScope[];
  tokens: TokenListItem[];
}

export async function loadApiTokensPage(deps: Deps, owner: TokenOwner, now = new Date()): Promise<ApiTokensPage> {
  const rows = await repo.listApiTokens(deps.db, orgIdOf(owner));
  return {
    owner,
    scopes: scopesFor(owner),
    tokens: rows.map((r) => ({
      id: r.id,
      name: r.name,
      scope: r.scope,
      createdAt: r.created_at,
      createdBy: r.created_by_name,
      expiresAt: r.expires_at,
      lastUsedAt: r.last_used_at,
      revokedAt: r.revoked_at,
      status: r.revoked_at ? 'revoked' : r.expires_at <= now ? 'expired' : 'active',
    })),
  };
}

export interface CreatedToken {
  id: string;
  name: string;
  scope: TokenScope;
  expiresAt: Date;
  /** The token itself: shown this once and never again. */
  token: string;
}

export async function createApiToken(
  deps: Deps,
  actor: SignedInActor,
  owner: TokenOwner,
  input: NewTokenInput,
  ip = '',
): Promise<CreatedToken> {
  // The form offers only these; a hand-made request is refused all the same.
  if (!scopesFor(owner).includes(input.scope))
    throw new AppError('validation', 'Choose what the token may read.', { scope: 'Choose what the token may read.' });
  const token = newApiToken();
  const expiresAt = new Date(Date.now() + input.expires_in_days * 24 * 60 * 60 * 1000);
  const id = await deps.db.transaction().execute(async (tx) => {
    const id = await repo.insertApiToken(tx, {
      tokenHash: hashToken(token),
      name: input.name,
      scope: input.scope,
      orgId: orgIdOf(owner),
      createdBy: actor.personId,
      expiresAt,
    });
    await recordAudit(tx, {
      orgId: orgIdOf(owner),
      actorId: actor.personId,
      action: 'api_token.created',
      subjectType: 'api_token',
      subjectId: id,
      detail: { name: input.name, scope: input.scope, expires_at: expiresAt.toISOString() },
      ip,
    });
    return id;
  });
  return { id, name: input.name, scope: input.scope, expiresAt, token };
}

/** Revokes a live token of this owner at once: the next request with it is refused. */
export async function revokeApiToken(
  deps: Deps,
  actor: SignedInActor,
  owner: TokenOwner,
  id: string,
  ip = '',
): Promise<{ name: string }> {
  return deps.db.transaction().execute(async (tx) => {
    const revoked = await repo.revokeApiToken(tx, orgIdOf(owner), id, actor.personId);
    if (!revoked) throw notFound('token (it may have been revoked already)');
    await recordAudit(tx, {
      orgId: orgIdOf(owner),
      actorId: actor.personId,
      action: 'api_token.revoked',
      subjectType: 'api_token',
      subjectId: revoked.id,
      detail: { name: revoked.name, scope: revoked.scope },
      ip,
    });
    return { name: revoked.name };
  });
}
