import { responses, z } from "kiosk";

const { timestamp, metadata } = responses;

/** An admin user (never its password hash). */
export const User = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    email: z.string(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    role: z.enum(["admin", "member", "developer"]),
    metadata,
  })
  .meta({ id: "User" });

export const userResponse = z.looseObject({ user: User });
export const userList = responses.list("users", User);

/** An invitation to become an admin user (its token is what `invite.created` sends). */
export const Invite = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    user_email: z.string(),
    role: z.enum(["admin", "member", "developer"]),
    accepted: z.boolean(),
    token: z.string(),
    expires_at: timestamp,
    metadata,
  })
  .meta({ id: "Invite" });

export const inviteList = z.looseObject({ invites: z.array(Invite) });
