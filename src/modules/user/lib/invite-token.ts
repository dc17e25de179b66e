import { UnauthorizedError } from "kiosk";

/** How long an invite can be accepted: 7 days, as Medusa v1. */
export const INVITE_TTL_SECONDS = 7 * 24 * 60 * 60;

/** A token that is not (or no longer) an invite's: forged, replaced by a resend, spent, or its invite deleted. */
export function invalidInviteToken(): UnauthorizedError {
  return new UnauthorizedError("Invalid invite token", "invalid_invite_token");
}

export function expiredInvite(): UnauthorizedError {
  return new UnauthorizedError("The invite has expired: ask for it to be resent", "invite_expired");
}
