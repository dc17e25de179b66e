import {
  ConflictError,
  generateId,
  NotFoundError,
  signInviteToken,
  UnprocessableError,
  verifyInviteToken,
  type KioskServices,
  type TransactionContext,
} from "kiosk";
import { lockRow } from "kiosk/sql";
import { Invite } from "../models/invite";
import { User, type UserRole } from "../models/user";
import { expiredInvite, INVITE_TTL_SECONDS, invalidInviteToken } from "../lib/invite-token";

export interface AcceptInviteInput {
  token: string;
  user: { first_name?: string | null; last_name?: string | null; password: string };
}

/**
 * Invites to become an admin user, as Medusa v1: an invite holds a signed token
 * (raised with `invite.created` for a notification to send), accepted once,
 * without signing in, to create the user with the invite's email and role.
 */
export default class InviteService {
  constructor(private readonly cradle: KioskServices) {}

  list(): Promise<Invite[]> {
    return this.cradle.unitOfWork.read((manager) => manager.find(Invite, { order: { created_at: "ASC", id: "ASC" } }));
  }

  /** Invites an email (409 `user_exists` when a user has it); an earlier invite of the email gets the new role and a new token. */
  create(email: string, role: UserRole): Promise<Invite> {
    const user_email = email.toLowerCase();
    return this.cradle.unitOfWork.run(async (tx) => {
      if (await tx.manager.existsBy(User, { email: user_email })) {
        throw new ConflictError(`A user with the email ${user_email} already exists`, "user_exists");
      }
      const found = await tx.manager.findOne(Invite, { where: { user_email }, select: { id: true } });
      const invite = found ? await lockRow(tx.manager, Invite, found.id) : null;
      if (invite) return this.issue(tx, Object.assign(invite, { role, accepted: false }));
      return this.issue(tx, tx.manager.create(Invite, { id: generateId(Invite.idPrefix), user_email, role, accepted: false, metadata: null }));
    });
  }

  /** A new token and expiry for a pending invite, raised again with `invite.created`. */
  resend(id: string): Promise<Invite> {
    return this.cradle.unitOfWork.run(async (tx) => {
      const invite = await lockRow(tx.manager, Invite, id);
      if (!invite) throw new NotFoundError(`Invite with id ${id} was not found`);
      if (invite.accepted) throw new UnprocessableError("The invite was already accepted", "invite_accepted");
      return this.issue(tx, invite);
    });
  }

  /** Deletes an invite; deleting one that does not exist is not an error (as Medusa). Its token is refused from then on. */
  delete(id: string): Promise<void> {
    return this.cradle.unitOfWork.run(async (tx) => {
      await tx.manager.delete(Invite, { id });
    });
  }

  /**
   * Creates the invited user (through `userService`) and spends the invite, in one
   * transaction with the invite's row locked: of two accepts racing with one token,
   * the second finds it accepted. A wrong, replaced or spent token is a 401
   * `invalid_invite_token`, an expired one a 401 `invite_expired`.
   */
  accept(input: AcceptInviteInput): Promise<User> {
    const check = verifyInviteToken(input.token, this.cradle.config.http.jwtSecret);
    if (check.status === "expired") throw expiredInvite();
    if (check.status === "invalid") throw invalidInviteToken();
    return this.cradle.unitOfWork.run(async (tx) => {
      const invite = await lockRow(tx.manager, Invite, check.claims.inviteId);
      if (!invite || invite.accepted || invite.token !== input.token || invite.user_email !== check.claims.email) throw invalidInviteToken();
      if (invite.expires_at.getTime() <= Date.now()) throw expiredInvite();
      const user = await this.cradle.userService.create({ ...input.user, email: invite.user_email, role: invite.role });
      await tx.manager.update(Invite, { id: invite.id }, { accepted: true, updated_at: new Date() });
      return user;
    });
  }

  private async issue(tx: TransactionContext, invite: Invite): Promise<Invite> {
    const claims = { inviteId: invite.id, email: invite.user_email, role: invite.role };
    invite.token = signInviteToken(claims, this.cradle.config.http.jwtSecret, INVITE_TTL_SECONDS);
    invite.expires_at = new Date(Date.now() + INVITE_TTL_SECONDS * 1000);
    const saved = await tx.manager.save(Invite, invite);
    tx.emit("invite.created", { id: saved.id, token: saved.token, user_email: saved.user_email });
    return saved;
  }
}
